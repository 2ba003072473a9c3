package io.kith.render;

/** A link in the menu, the language switch or a list of choices. */
public record Link(String label, String href, boolean current) {}
