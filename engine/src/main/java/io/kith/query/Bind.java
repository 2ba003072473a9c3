package io.kith.query;

/** A value bound to a SQL parameter, with the class to bind when it is null. */
public record Bind(Object value, Class<?> type) {}
