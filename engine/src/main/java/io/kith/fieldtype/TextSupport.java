package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldType;

final class TextSupport extends StringSupport<FieldType.Text> {
  @Override
  public Class<FieldType.Text> handles() {
    return FieldType.Text.class;
  }

  @Override
  int maxLength(FieldType.Text type) {
    return type.maxLength();
  }

  @Override
  public String codeFor(String keyword) {
    return "pattern".equals(keyword) ? "pattern_mismatch" : null;
  }

  @Override
  public Set<Operator> operators(FieldType.Text type) {
    return Operators.TEXT;
  }
}
