package io.kith.fieldtype;

import io.kith.metadata.FieldType;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The registry of {@link FieldTypeSupport}s, one per field type record. */
public final class FieldTypes {

  private final Map<Class<?>, FieldTypeSupport<?>> supports = new HashMap<>();

  public FieldTypes(ZoneId zone) {
    List<FieldTypeSupport<?>> all =
        List.of(
            new TextSupport(),
            new LongTextSupport(),
            new EmailSupport(),
            new PhoneSupport(),
            new UrlSupport(),
            new IntegerSupport(),
            new DecimalSupport(),
            new MoneySupport(),
            new BooleanSupport(),
            new DateSupport(),
            new DateTimeSupport(zone),
            new OptionSupport(),
            new MultiOptionSupport(),
            new ReferenceSupport(),
            new MultiReferenceSupport(),
            new CollectionSupport(),
            new ComputedSupport(),
            new FileSupport());
    all.forEach(s -> supports.put(s.handles(), s));
    for (Class<?> type : FieldType.class.getPermittedSubclasses()) {
      if (type.isRecord() && !supports.containsKey(type)) {
        throw new IllegalStateException("no FieldTypeSupport for " + type.getSimpleName());
      }
    }
  }

  /** The support for {@code type}, typed so its methods accept that type. */
  @SuppressWarnings("unchecked")
  public <T extends FieldType> FieldTypeSupport<T> of(T type) {
    return (FieldTypeSupport<T>) supports.get(type.getClass());
  }
}
