using System.Collections.Concurrent;
using System.Net;

namespace HkStrategy.Web.Security;

/// <summary>
/// Failed sign-ins per client address: after <see cref="FreeFailures"/> the client is locked out for 30 s, doubling with
/// each further failure up to 15 minutes. While locked out, every attempt is refused, the right password too, so a
/// guesser cannot tell a hit from a miss; a success ends the count. Bounded: the oldest entries go past 10,000 clients.
/// </summary>
public sealed partial class SignInThrottle(TimeProvider clock, ILogger<SignInThrottle> logger)
{
    public const int FreeFailures = 5;
    private const int MaxClients = 10_000;
    private static readonly TimeSpan FirstLockout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestLockout = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<IPAddress, Record> _clients = new();

    private sealed record Record(int Failures, DateTimeOffset LockedUntil, DateTimeOffset LastSeen);

    /// <summary>How long the client must still wait, or null when it may try.</summary>
    public TimeSpan? LockedFor(IPAddress client)
    {
        var now = clock.GetUtcNow();
        return _clients.TryGetValue(client, out var record) && record.LockedUntil > now ? record.LockedUntil - now : null;
    }

    public void Failed(IPAddress client)
    {
        var now = clock.GetUtcNow();
        var record = _clients.AddOrUpdate(client,
            _ => new Record(1, now, now),
            (_, old) => old with { Failures = old.Failures + 1, LastSeen = now });
        if (record.Failures >= FreeFailures)
        {
            var lockout = TimeSpan.FromTicks(Math.Min(LongestLockout.Ticks, FirstLockout.Ticks << Math.Min(20, record.Failures - FreeFailures)));
            _clients[client] = record with { LockedUntil = now + lockout };
            LogLockout(logger, client.ToString(), record.Failures, (int)lockout.TotalSeconds);
        }
        else
        {
            LogFailure(logger, client.ToString(), record.Failures);
        }
        Prune(now);
    }

    public void Succeeded(IPAddress client) => _clients.TryRemove(client, out _);

    private void Prune(DateTimeOffset now)
    {
        if (_clients.Count <= MaxClients)
        {
            return;
        }
        foreach (var stale in _clients.Where(c => c.Value.LockedUntil < now).OrderBy(c => c.Value.LastSeen).Take(_clients.Count - MaxClients).ToList())
        {
            _clients.TryRemove(stale.Key, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "sign-in failed from {Client} ({Failures} in a row)")]
    private static partial void LogFailure(ILogger logger, string client, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sign-in locked for {Client} after {Failures} failures: {Seconds} s")]
    private static partial void LogLockout(ILogger logger, string client, int failures, int seconds);
}
