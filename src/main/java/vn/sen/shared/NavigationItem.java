package vn.sen.shared;

import java.util.function.Predicate;

/**
 * An entry of the main menu, contributed by a module as a bean; shown to users for whom
 * {@code visibleTo} holds. Documents, meetings and tasks add theirs the same way.
 */
public record NavigationItem(int order, String href, String messageKey, Predicate<UserScope> visibleTo) {}
