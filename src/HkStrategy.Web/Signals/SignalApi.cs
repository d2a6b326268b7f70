using System.Globalization;
using System.Text.Json;
using HkStrategy.Data.Connection;
using HkStrategy.Data.Signals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using HkStrategy.Web.Shared;

namespace HkStrategy.Web.Signals;

/// <summary><c>/api/signals</c>: the signals page's list, filtered by the same rules.</summary>
public static class SignalApi
{
    public static void MapSignalApi(this RouteGroupBuilder api)
    {
        var signals = api.MapGroup("/signals").WithTags("Signals").RequireCurrentSchema();
        signals.MapGet("/", ListAsync)
            .WithSummary("Signals, newest first")
            .WithDescription("Filters: portfolio id, symbol (0700.HK or 700), side B, S or H, minStrength 1–9, from and to (YYYY-MM-DD), limit 1–1000 (200 if not given).");
    }

    private static async Task<Results<Ok<IReadOnlyList<SignalItem>>, ValidationProblem>> ListAsync(
        string? portfolio, string? symbol, string? side, string? minStrength, string? from, string? to, string? limit,
        Database database, CancellationToken cancellationToken)
    {
        var state = new ModelStateDictionary();
        var count = Limit(state, limit);
        var filter = SignalFilters.Read(state, new SignalFilterText(portfolio, symbol, side, minStrength, from, to), count);
        if (filter is null || !state.IsValid)
        {
            return TypedResults.ValidationProblem(state.Where(f => f.Value!.Errors.Count > 0).ToDictionary(
                f => JsonNamingPolicy.CamelCase.ConvertName(f.Key), f => f.Value!.Errors.Select(e => e.ErrorMessage).ToArray()));
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await SignalStore.ListAsync(connection, filter, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SignalItem>>(found.Select(SignalItem.From).ToList());
    }

    private static int Limit(ModelStateDictionary state, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SignalFilters.PageLimit;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= SignalFilters.MaxLimit)
        {
            return limit;
        }
        state.AddModelError("limit", $"limit is a whole number from 1 to {SignalFilters.MaxLimit.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return SignalFilters.PageLimit;
    }

    /// <summary>A signal as the API gives it; <c>source</c> is <c>run N</c> or <c>prototype (A–D)</c>, evidence as stored (null for the prototype's).</summary>
    public sealed record SignalItem(
        long Id, string? PortfolioId, string Symbol, DateOnly Date, string Code, string Side, string Strategy, int Strength, decimal Close,
        string Source, JsonElement? Evidence)
    {
        public static SignalItem From(StoredSignal s) => new(s.Id, s.PortfolioId, s.Symbol, s.TradeDate, s.Code, SignalSide.Name(s.Code), s.StrategyName,
            s.Strength, s.Close, s.LegacyType is { } legacy ? $"prototype ({legacy})" : $"run {s.RunId?.ToString(CultureInfo.InvariantCulture)}", ParseEvidence(s.Evidence));

        private static JsonElement? ParseEvidence(string? json)
        {
            if (json is null)
            {
                return null;
            }
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
    }
}
