namespace HkStrategy.Data.Connection;

/// <summary>
/// The prototype's times are <c>timestamp</c> (without time zone): a time read from a document is written as the wall
/// clock it shows, whatever kind JSON gave it (a trailing Z or offset makes it UTC or local).
/// </summary>
public static class WallClock
{
    public static DateTime? Of(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Unspecified) : null;
}
