using HkStrategy.Core.Ledger;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>
/// The activities a ledger holds, by what identifies one in a file (<see cref="ActivityImporting.Fingerprint"/>), as
/// many times as it holds each: a file's activity that matches one is held already, and uses it up, so that a file
/// with the same trade twice adds the second when the ledger has it once.
/// </summary>
internal sealed class HeldActivities
{
    private readonly Dictionary<string, int> _held;

    public HeldActivities(IEnumerable<Activity> existing) =>
        _held = existing.GroupBy(ActivityImporting.Fingerprint).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Whether the ledger holds the activity (one not matched before); an empty ledger holds none, and no fingerprint is made.</summary>
    public bool Match(Activity activity)
    {
        if (_held.Count == 0)
        {
            return false;
        }
        var key = ActivityImporting.Fingerprint(activity);
        if (_held.TryGetValue(key, out var count) && count > 0)
        {
            _held[key] = count - 1;
            return true;
        }
        return false;
    }
}
