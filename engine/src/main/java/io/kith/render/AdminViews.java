package io.kith.render;

import java.util.List;
import java.util.Map;

/** View models of the administration pages (users, roles, the permission matrix), resolved before rendering. */
public final class AdminViews {

  private AdminViews() {}

  /** One checkbox or one option of a select. */
  public record Choice(String code, String label, boolean selected) {}

  /**
   * The user form: a user's values (or what was typed, after a refused save), the roles to tick,
   * and the errors by field ({@code ""} for those about no field of the form).
   *
   * @param id null for a new user
   */
  public record UserForm(Long id, String login, String name, String email, String phone, String position,
      boolean active, List<Choice> roles, Map<String, String> errors) {

    public UserForm {
      roles = List.copyOf(roles);
      errors = Map.copyOf(errors);
    }
  }

  /** A role in the list, with how many users hold it (only an unheld role can be deleted). */
  public record RoleItem(long id, String name, String label, boolean administrator, long holders) {}

  /** The role form: its values, the permission matrix and the errors by field. */
  public record RoleForm(Long id, String name, String label, boolean administrator, List<PermissionRow> rows,
      Map<String, String> errors) {

    public RoleForm {
      rows = List.copyOf(rows);
      errors = Map.copyOf(errors);
    }
  }

  /** One field's rule in the matrix: a select of none / hidden / read-only. */
  public record FieldRule(String name, String label, String inputName, List<Choice> choices, boolean restricted) {}

  /**
   * One entity type's row of the permission matrix.
   *
   * @param key the entity type's name, or {@code *} for every type without rules of its own
   * @param every whether this is the {@code *} row
   * @param own whether the type has rules of its own (always true for {@code *})
   */
  public record PermissionRow(String key, String label, boolean every, boolean own, List<Choice> actions,
      List<Choice> scopes, List<FieldRule> fields, long restrictedFields) {}
}
