package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldType;

final class LongTextSupport extends StringSupport<FieldType.LongText> {
  @Override
  public Class<FieldType.LongText> handles() {
    return FieldType.LongText.class;
  }

  @Override
  int maxLength(FieldType.LongText type) {
    return 0;
  }

  @Override
  public String widget(FieldType.LongText type) {
    return "textarea";
  }

  @Override
  public Set<Operator> operators(FieldType.LongText type) {
    return Operators.TEXT;
  }
}
