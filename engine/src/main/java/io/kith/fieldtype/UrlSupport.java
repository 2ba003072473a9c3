package io.kith.fieldtype;

import io.kith.query.Operator;
import io.kith.query.Operators;
import java.util.Set;

import io.kith.metadata.FieldType;

final class UrlSupport extends StringSupport<FieldType.Url> {
  @Override
  public Class<FieldType.Url> handles() {
    return FieldType.Url.class;
  }

  @Override
  int maxLength(FieldType.Url type) {
    return 2048;
  }

  /** Only web addresses: a {@code javascript:} URL must never reach a link on a page. */
  @Override
  String typePattern() {
    return "^https?://[^\\s/?#]+[^\\s]*$";
  }

  @Override
  public String codeFor(String keyword) {
    return "pattern".equals(keyword) ? "invalid_url" : null;
  }

  @Override
  public String widget(FieldType.Url type) {
    return "url";
  }

  @Override
  public Set<Operator> operators(FieldType.Url type) {
    return Operators.TEXT;
  }
}
