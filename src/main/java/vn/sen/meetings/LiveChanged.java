package vn.sen.meetings;

/**
 * The live state of a meeting changed (next item, floor granted, vote opened, someone checked in…):
 * every screen following the meeting must catch up to {@code version}.
 */
public record LiveChanged(long meetingId, long version, String kind) {}
