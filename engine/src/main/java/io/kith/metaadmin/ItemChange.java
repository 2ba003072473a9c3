package io.kith.metaadmin;

import tools.jackson.databind.node.ObjectNode;

/** The new body of one model item in the metadata file shape; null deletes the item. */
record ItemChange(ModelItem item, ObjectNode body) {

  boolean deletes() {
    return body == null;
  }
}
