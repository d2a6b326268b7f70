using HkStrategy.Data.Connection;
using HkStrategy.Operations.Restore;

namespace HkStrategy.Web.Maintenance;

/// <summary>
/// Whether the dashboard's database is being switched by a restore: one this dashboard runs (<see cref="Enter"/>), or
/// one <c>hks restore</c> runs beside it, seen in its journal. While it is, every page shows a notice and the API
/// answers 503 instead of reaching a database that is being renamed.
/// </summary>
public sealed class MaintenanceMode(Database database, string home, TimeProvider clock)
{
    private static readonly TimeSpan JournalCheckInterval = TimeSpan.FromMilliseconds(500);
    private readonly Lock _gate = new();
    private static readonly TimeSpan Afterwards = TimeSpan.FromSeconds(30);
    private string? _reason;
    private (string Reason, DateTimeOffset Left)? _last;
    private string? _journalReason;
    private DateTimeOffset _journalCheckedAt = DateTimeOffset.MinValue;

    public string? Reason
    {
        get
        {
            lock (_gate)
            {
                return _reason ?? JournalReason();
            }
        }
    }

    /// <summary>
    /// Why a request just met a database whose sessions were ended: the maintenance now, or one that ended moments ago
    /// (a request that took its connection before a restore stopped writes fails after the moment is over).
    /// </summary>
    public string? RecentReason
    {
        get
        {
            lock (_gate)
            {
                return _reason ?? JournalReason() ?? (_last is { } last && clock.GetUtcNow() - last.Left < Afterwards ? last.Reason : null);
            }
        }
    }

    /// <summary>Enters maintenance until the returned handle is disposed; the connection pool is emptied on leaving.</summary>
    public IDisposable Enter(string reason)
    {
        lock (_gate)
        {
            _reason = reason;
        }
        return new Leave(this);
    }

    private string? JournalReason()
    {
        var now = clock.GetUtcNow();
        if (now - _journalCheckedAt < JournalCheckInterval)
        {
            return _journalReason;
        }
        _journalCheckedAt = now;
        // Two short moments of a restore end the live database's sessions: when it stops writes, and when it switches.
        var switching = RestoreJournal.ReadAll(home).FirstOrDefault(j => string.Equals(j.TargetDatabase, database.Target.DatabaseName, StringComparison.Ordinal)
            && (j.Phase == RestoreJournal.Phases.Switching || (j.Phase == RestoreJournal.Phases.EmergencyBackup && j.FrozeLive && j.WritesRefusedFrom is null)));
        var doing = switching?.Phase == RestoreJournal.Phases.Switching ? "switching databases" : "stopping writes";
        var reason = switching is null ? null
            : now - switching.UpdatedAt > TimeSpan.FromMinutes(2)
                ? $"a restore of {Path.GetFileName(switching.Archive)} stopped while {doing}: run 'hks restore --recover' to finish or undo it"
                : $"a restore of {Path.GetFileName(switching.Archive)} is {doing}";
        if (_journalReason is not null && reason is null)
        {
            database.DataSource.Clear();
            _last = (_journalReason, now);
        }
        _journalReason = reason;
        return reason;
    }

    private sealed class Leave(MaintenanceMode mode) : IDisposable
    {
        public void Dispose()
        {
            mode.LeaveNow();
        }
    }

    private void LeaveNow()
    {
        lock (_gate)
        {
            _last = _reason is { } reason ? (reason, clock.GetUtcNow()) : _last;
            _reason = null;
        }
        database.DataSource.Clear();
    }
}
