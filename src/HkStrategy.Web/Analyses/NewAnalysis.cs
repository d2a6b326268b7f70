using HkStrategy.Core.Analysis;
using HkStrategy.Core.Calendar;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Input;
using HkStrategy.Core.Portfolios;
using HkStrategy.Operations.Analysis;
using HkStrategy.Web.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Npgsql;

namespace HkStrategy.Web.Analyses;

/// <summary>The create form as typed: every field a string, so a bad value becomes a message beside it rather than a binding error.</summary>
public sealed class NewAnalysis
{
    public const int MaxNameLength = 200;

    public const int MaxNotesLength = 2000;

    private const string Prefix = nameof(IndexModel.New) + ".";

    public string? Portfolio { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Name { get; set; }

    public string? Notes { get; set; }

    /// <summary>Null when a field is invalid; its message is then in <paramref name="state"/> beside the field.</summary>
    public AnalysisRequest? Read(ModelStateDictionary state)
    {
        var portfolio = state.Check(Prefix + nameof(Portfolio), () => PortfolioId.Require(Portfolio?.Trim()));
        var from = state.Check<DateOnly?>(Prefix + nameof(From), () => Day("first day", From));
        var to = state.Check<DateOnly?>(Prefix + nameof(To), () => Day("last day", To));
        if (from is { } first && to is { } last)
        {
            state.Check(Prefix + nameof(To), () =>
            {
                AnalysisPeriod.Require(first, last, ValueAnalysis.MaxMonths);
                return true;
            });
        }
        var name = state.Check(Prefix + nameof(Name), () => InputValues.Text("the name", Name, MaxNameLength));
        var notes = state.Check(Prefix + nameof(Notes), () => InputValues.Text("the notes", Notes, MaxNotesLength));
        return state.IsValid
            ? new AnalysisRequest(portfolio!, from!.Value, to!.Value, string.IsNullOrEmpty(name) ? null : name, string.IsNullOrEmpty(notes) ? null : notes)
            : null;
    }

    /// <summary>What the page says after creating one: the figures, and why the period may be shorter than asked.</summary>
    public static string Describe(ValueAnalysisRun run, DateOnly askedTo)
    {
        var r = run.Result;
        var notes = new List<string>
        {
            $"Stored analysis {run.Id}: {Format.Number(r.Days.Count)} trading days, {AnalysisFormat.Amount(r.StartValue)} to {AnalysisFormat.Amount(r.EndValue)} ({Format.Ratio(r.TotalReturn)}).",
        };
        if (run.To < askedTo)
        {
            notes.Add($"The daily bars end on {Format.Day(run.To)}; the analysis stops there.");
        }
        if (r.Unpriced.Count > 0)
        {
            notes.Add($"Left out for want of a price by {Format.Day(run.From)}: {string.Join(", ", r.Unpriced)}.");
        }
        return string.Join(" ", notes);
    }

    private static DateOnly Day(string what, string? text) =>
        InputValues.Date(what, string.IsNullOrWhiteSpace(text) ? null : text.Trim())
            ?? throw HksException.Usage("MissingDate", $"give the {what} (YYYY-MM-DD)");
}

/// <summary>A checked create form: what <see cref="ValueAnalysisRunner"/> is asked to do.</summary>
public sealed record AnalysisRequest(string Portfolio, DateOnly From, DateOnly To, string? Name, string? Notes)
{
    /// <summary>Runs and stores the analysis; a refusal (no such portfolio, no prices, name taken) becomes a message beside its field.</summary>
    public async Task<ValueAnalysisRun?> RunAsync(NpgsqlConnection connection, ModelStateDictionary state, CancellationToken cancellationToken)
    {
        try
        {
            return await new ValueAnalysisRunner(TradingCalendar.Hkex).RunAsync(connection, Portfolio, From, To, Name, Notes, cancellationToken);
        }
        catch (HksException refused) when (refused.ExitCode is ExitCode.Usage or ExitCode.Refused)
        {
            state.AddModelError(FieldOf(refused.Name), refused.Name == "AnalysisExists"
                ? $"{Portfolio} has an analysis named \"{Name}\" of this period already: choose another name, or delete that one"
                : refused.Message);
            return null;
        }
    }

    private static string FieldOf(string failure) => "New." + failure switch
    {
        "AnalysisExists" => nameof(NewAnalysis.Name),
        "InvalidPeriod" or "PeriodTooLong" => nameof(NewAnalysis.To),
        "NoTradingDays" => nameof(NewAnalysis.From),
        _ => nameof(NewAnalysis.Portfolio),
    };
}
