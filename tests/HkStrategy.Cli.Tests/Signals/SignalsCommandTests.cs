using System.Text.Json;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Signals;

public sealed class SignalsCommandTests
{
    [Fact]
    public async Task Generate_ForAPortfolio_StoresOneRunWithItsParameters_AndASignalPerPositionWithEvidence()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "signals", "generate", "--portfolio", "My_HKEX_ALL", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(12, json.RootElement.GetProperty("signals").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("signals").EnumerateArray(), s => Assert.Matches("^[BSH][A-Z]{3}[1-9]$", s.GetProperty("code").GetString()));
        Assert.Equal(0.35, await db.ScalarAsync<double>("SELECT (parameters->>'breakoutAtrMultiple')::float FROM signal_runs"));
        Assert.Equal(12, await db.ScalarAsync<long>("SELECT COUNT(*) FROM signals WHERE jsonb_array_length(evidence->'strategies') = 4 AND evidence->'values' ? 'rsi14' AND (evidence->'thresholds'->>'breakoutRsiMin')::float = 58"));
    }

    [Fact]
    public async Task JsonOutput_WritesSymbolsAsThemselves_NotAsEscapes()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "signals", "generate", "--portfolio", "My_HKEX_ALL", "--json");

        Assert.Contains("≥", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratingTheSameDayAgain_ReplacesTheSignals_InsteadOfAddingMore()
    {
        await using var db = await DemoDatabases.SeededAsync();

        Assert.Equal(0, (await Hks(db, "signals", "generate", "--portfolio", "My_HKEX_ALL")).ExitCode);
        Assert.Equal(0, (await Hks(db, "signals", "generate", "--portfolio", "My_HKEX_ALL")).ExitCode);

        Assert.Equal(12, await db.ScalarAsync<long>("SELECT COUNT(*) FROM signals"));
        Assert.Equal(2, await db.ScalarAsync<long>("SELECT COUNT(*) FROM signal_runs"));
    }

    [Fact]
    public async Task Generate_ForASymbolWithTooFewBars_SaysWhyItGotNone()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "signals", "generate", "--symbols", "700,9999", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("0700.HK", json.RootElement.GetProperty("signals")[0].GetProperty("symbol").GetString());
        Assert.Equal("9999.HK", json.RootElement.GetProperty("skipped")[0].GetProperty("symbol").GetString());
        Assert.Contains("0 daily bar(s)", json.RootElement.GetProperty("skipped")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_ForADayWithoutABar_SkipsTheSymbol_RatherThanUsingAnOlderBar()
    {
        await using var db = await DemoDatabases.SeededAsync(); // bars up to 2026-11-20

        var run = await Hks(db, "signals", "generate", "--symbols", "0700.HK", "--date", "2026-11-24", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(0, json.RootElement.GetProperty("signals").GetArrayLength());
        Assert.Equal("no bar on 2026-11-24 (the newest is of 2026-11-20)", json.RootElement.GetProperty("skipped")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task List_ShowsThePrototypesSignals_WithTheirTxyznEquivalents()
    {
        await using var db = await DemoDatabases.RichAsync();

        var run = await Hks(db, "signals", "list", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var legacy = json.RootElement.EnumerateArray().Where(s => s.GetProperty("legacyType").ValueKind == JsonValueKind.String)
            .ToDictionary(s => s.GetProperty("legacyType").GetString()!, s => s.GetProperty("code").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["A"] = "BBRK9", ["B"] = "BRSV7" }, legacy);
        Assert.Contains(json.RootElement.EnumerateArray(), s => s.GetProperty("code").GetString() == "SOVB1" && s.GetProperty("runId").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public async Task List_FiltersBySideAndPortfolio()
    {
        await using var db = await DemoDatabases.RichAsync();

        var run = await Hks(db, "signals", "list", "--side", "S", "--portfolio", "HKEX_NonTech", "--json");

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(["SOVB1"], json.RootElement.EnumerateArray().Select(s => s.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Generate_WithNothingToSignal_IsAUsageError() =>
        Assert.Equal(2, (await Hks(await DemoDatabases.SeededAsync(), "signals", "generate")).ExitCode);

    private static Task<HksRun> Hks(TestDatabase db, params string[] args) =>
        db.HksAsync(args);
}
