package io.kith.users;

import tools.jackson.databind.JsonNode;

/**
 * A role: a name, a label, whether it is the administrator role (everything allowed), and its
 * permission document (see {@link io.kith.access.RoleGrants}).
 */
public record Role(long id, String name, String label, boolean administrator, JsonNode permissions) {}
