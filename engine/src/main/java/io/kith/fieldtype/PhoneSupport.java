package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldType;

final class PhoneSupport extends StringSupport<FieldType.Phone> {
  @Override
  public Class<FieldType.Phone> handles() {
    return FieldType.Phone.class;
  }

  @Override
  int maxLength(FieldType.Phone type) {
    return 50;
  }

  /** Digits with the usual separators, an optional leading + and an optional extension. */
  @Override
  String typePattern() {
    return "^\\+?[0-9][0-9 ().\\-/]*[0-9)]( *(x|ext\\.?) *[0-9]+)?$";
  }

  @Override
  public String codeFor(String keyword) {
    return "pattern".equals(keyword) ? "invalid_phone" : null;
  }

  @Override
  public String widget(FieldType.Phone type) {
    return "tel";
  }

  @Override
  public Set<Operator> operators(FieldType.Phone type) {
    return Operators.TEXT;
  }
}
