package vn.sen.shared;

/** A signed-in principal that knows its {@link UserScope}. */
public interface ScopedPrincipal {

    UserScope scope();
}
