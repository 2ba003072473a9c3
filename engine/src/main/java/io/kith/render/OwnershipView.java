package io.kith.render;

import java.util.List;

/**
 * A record's owner and the users it is shared with, for its page; with the choices to change them
 * when the viewer may edit the record (empty otherwise).
 *
 * @param owners active users to give the record to, the current owner selected
 * @param users active users to share it with, those it is shared with selected
 */
public record OwnershipView(String owner, List<String> sharedWith, boolean editable,
    List<AdminViews.Choice> owners, List<AdminViews.Choice> users) {

  public OwnershipView {
    sharedWith = List.copyOf(sharedWith);
    owners = List.copyOf(owners);
    users = List.copyOf(users);
  }
}
