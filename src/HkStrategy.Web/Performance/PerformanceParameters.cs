using HkStrategy.Core.Input;
using HkStrategy.Core.Performance;
using HkStrategy.Core.Symbols;
using HkStrategy.Operations.Performance;

namespace HkStrategy.Web.Performance;

/// <summary>
/// A performance query as the page's form and the API's address give it: text, parsed by the command line's rules
/// (ISO dates, a market symbol), each refusal naming its parameter.
/// </summary>
public sealed record PerformanceParameters(string? From, string? To, string? Benchmark, string? Baseline)
{
    public PerformanceQuery Query() => new(
        InputValues.Date("from", Blank(From)), InputValues.Date("to", Blank(To)),
        Blank(Benchmark) is { } benchmark ? MarketSymbol.Normalize(benchmark) : PerformanceRequest.DefaultBenchmark,
        InputValues.Date("baseline", Blank(Baseline)));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
