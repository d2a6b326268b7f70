using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Ledger;
using HkStrategy.Data.Activities;
using HkStrategy.Operations.Prices;

namespace HkStrategy.Operations.Ledger.Exchange;

/// <summary>
/// One pass over a file's rows against the ledger as stored: each row built, matched with what the ledger holds, and
/// derived on its symbol's chain from where the chain ends; what the preview shows gathered on the way, and each chain's
/// end rather than its steps. Rules as <see cref="ActivityImporting"/>'s: every bad row by its line, a sale of more
/// than is held as the bad row that causes it (the first of its chain), a row the ledger holds already not added again.
/// </summary>
internal sealed class ImportPass
{
    /// <summary>Where a symbol's chain ends so far: its last stored day, its end, and whether a sale of more than is held broke it.</summary>
    private sealed class Chain
    {
        public ChainEnd End { get; } = new();

        public DateOnly LastStored { get; init; } = DateOnly.MinValue;

        public bool Oversold { get; set; }
    }

    private readonly string _portfolioId;
    private readonly Dictionary<string, Chain> _chains;
    private readonly HeldActivities _held;
    private readonly BrokerProfile _broker;
    private readonly FxRateBook _rates;
    private readonly List<BadRow> _bad = [];
    private readonly List<string> _warnings = [];
    private readonly List<PlannedActivity> _first = [];
    private readonly SortedSet<string> _symbols = new(StringComparer.Ordinal);
    private DateOnly _lastNew = DateOnly.MinValue;

    private ImportPass(string portfolioId, Dictionary<string, Chain> chains, HeldActivities held, BrokerProfile broker, FxRateBook rates) =>
        (_portfolioId, _chains, _held, _broker, _rates) = (portfolioId, chains, held, broker, rates);

    public int New { get; private set; }

    public int Duplicates { get; private set; }

    public bool HasBadRows => _bad.Count > 0;

    /// <summary>
    /// The pass from the stored ledger (in the ledger's order); none when a stored chain does not derive as it is, or
    /// leaves other positions than it recorded: the whole plan derives it again and records what moved.
    /// </summary>
    public static ImportPass? Start(string portfolioId, IReadOnlyList<StoredActivity> stored, BrokerProfile broker, FxRateBook rates)
    {
        var chains = new Dictionary<string, Chain>(StringComparer.Ordinal);
        foreach (var symbol in stored.Where(a => a.Symbol is not null).GroupBy(a => a.Symbol!, StringComparer.Ordinal))
        {
            var chain = new Chain { LastStored = symbol.Max(a => a.TradeDate) };
            try
            {
                var steps = WeightedAverageCost.Derive(symbol.Select(a => a.ToActivity()));
                if (ChainDerivation.Moved([.. symbol], steps, edited: 0).Count > 0)
                {
                    return null;
                }
                foreach (var step in steps)
                {
                    chain.End.Add(step);
                }
            }
            catch (HksException)
            {
                return null;
            }
            chains[symbol.Key] = chain;
        }
        return new ImportPass(portfolioId, chains, new HeldActivities(stored.Select(s => s.ToActivity())), broker, rates);
    }

    /// <summary>Takes the next row of the file.</summary>
    /// <param name="written">The new activity with the position it leaves, to write; none for a bad row or one held already.</param>
    /// <returns>False when the row comes before its chain's end: the pass cannot derive the file as it is read.</returns>
    public bool Take(FileRow row, out Activity? written)
    {
        written = null;
        if (row.Row is not { } read)
        {
            _bad.Add(row.Bad!);
            return true;
        }
        PlannedActivity planned;
        try
        {
            planned = ActivityImporting.Build(read, RateOf(read.Draft), _broker, _portfolioId, _warnings);
        }
        catch (HksException e)
        {
            _bad.Add(new BadRow(read.Line, e.Message));
            return true;
        }
        var activity = planned.Activity;
        if (_held.Match(activity))
        {
            Duplicates++;
            return true;
        }
        // The ledger's ids follow the day, then the line: a new activity dated before one taken already needs the whole plan.
        if (activity.TradeDate < _lastNew || activity.Symbol is { } symbol && !Derive(symbol, planned, ref activity))
        {
            return false;
        }
        _lastNew = activity.TradeDate;
        New++;
        KeepForPreview(planned);
        written = activity;
        return true;
    }

    private decimal RateOf(ActivityDraft draft) =>
        draft.Currency == Currencies.Base ? 1m : draft.FxRate ?? _rates.On(draft.Currency, draft.TradeDate);

    /// <summary>
    /// The activity on its chain: with the position it leaves, or a bad row for a sale of more than is held. False when
    /// the chain cannot be derived as the file is read: the activity comes before the chain's last stored one (it moves
    /// what those leave), or the chain holds more shares than a position can (the whole plan, in the ledger's order, decides).
    /// </summary>
    private bool Derive(string symbol, PlannedActivity planned, ref Activity activity)
    {
        if (!_chains.TryGetValue(symbol, out var chain))
        {
            _chains[symbol] = chain = new Chain();
        }
        if (activity.TradeDate < chain.LastStored)
        {
            return false;
        }
        _symbols.Add(symbol);
        if (chain.Oversold)
        {
            return true; // its chain has its bad row: nothing after it is derived, as when the file is planned whole
        }
        try
        {
            var step = WeightedAverageCost.Apply(chain.End.Holding, activity);
            chain.End.Add(step);
            activity = ChainDerivation.WithLeaves(activity, step);
        }
        catch (OversoldException e)
        {
            chain.Oversold = true;
            _bad.Add(new BadRow(planned.Line, e.Message));
        }
        catch (HksException)
        {
            return false;
        }
        return true;
    }

    /// <summary>The first new activities in the ledger's order (by day, then line), as many as a preview shows.</summary>
    private void KeepForPreview(PlannedActivity planned)
    {
        static bool Before(PlannedActivity x, PlannedActivity y) =>
            x.Activity.TradeDate < y.Activity.TradeDate || x.Activity.TradeDate == y.Activity.TradeDate && x.Line < y.Line;
        if (_first.Count == ImportPreview.Shown && !Before(planned, _first[^1]))
        {
            return;
        }
        var at = _first.FindIndex(kept => Before(planned, kept));
        _first.Insert(at < 0 ? _first.Count : at, planned);
        if (_first.Count > ImportPreview.Shown)
        {
            _first.RemoveAt(_first.Count - 1);
        }
    }

    public ImportPreview Preview() =>
        new(_portfolioId, New, [.. _first], Duplicates, [.. _bad.OrderBy(b => b.Line)], _warnings, [.. _symbols]);

    /// <summary>The positions the chains of the new activities end at.</summary>
    public IReadOnlyList<DerivedPosition> Positions() => [.. _symbols.Select(symbol => _chains[symbol].End.Position(_portfolioId, symbol))];
}
