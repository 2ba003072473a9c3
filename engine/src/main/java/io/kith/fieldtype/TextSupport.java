package io.kith.fieldtype;

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
}
