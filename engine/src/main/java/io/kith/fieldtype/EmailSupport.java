package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldType;

final class EmailSupport extends StringSupport<FieldType.Email> {
  @Override
  public Class<FieldType.Email> handles() {
    return FieldType.Email.class;
  }

  @Override
  int maxLength(FieldType.Email type) {
    return 254;
  }

  @Override
  String typePattern() {
    return "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$";
  }

  @Override
  public String codeFor(String keyword) {
    return "pattern".equals(keyword) ? "invalid_email" : null;
  }

  @Override
  public Object toColumn(FieldType.Email type, io.kith.metadata.FieldDef field, tools.jackson.databind.JsonNode value) {
    return value.asString().strip().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String widget(FieldType.Email type) {
    return "email";
  }

  @Override
  public Set<Operator> operators(FieldType.Email type) {
    return Operators.TEXT;
  }
}
