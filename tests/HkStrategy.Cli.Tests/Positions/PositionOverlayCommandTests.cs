using System.Text.Json;
using System.Text.Json.Nodes;
using HkStrategy.Testing;

namespace HkStrategy.Cli.Tests.Positions;

/// <summary>The prototype's per-stock overlays as options of <c>hks position add|update</c>, shown, cleared and exchanged.</summary>
public sealed class PositionOverlayCommandTests
{
    [Fact]
    public async Task Update_SetsTheOverlays_AndClearTakesThemAway()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var set = await Hks(db, "position", "update", "My_HKEX_ALL", "0939.HK", "--trim-min", "9", "--tactical-stop", "7.2",
            "--buy-only", "near-ema-cluster", "--buy-only", "above-ema20", "--json");

        Assert.True(set.ExitCode == 0, set.Error);
        using (var json = JsonDocument.Parse(set.Out))
        {
            Assert.Equal(9m, json.RootElement.GetProperty("trimMin").GetDecimal());
            Assert.Equal(["above-ema20", "near-ema-cluster"], json.RootElement.GetProperty("buyOnly").EnumerateArray().Select(g => g.GetString()));
        }

        var cleared = await Hks(db, "position", "update", "My_HKEX_ALL", "0939.HK", "--clear", "buy-only", "--clear", "tactical-stop");

        Assert.Equal(0, cleared.ExitCode);
        Assert.Equal([(9m, (decimal?)null, 0)], await db.QueryAsync<(decimal, decimal?, int)>(
            "SELECT trim_min, tactical_stop, cardinality(buy_only) FROM position_rules WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0939.HK'"));
    }

    [Fact]
    public async Task Add_TakesTheOverlaysWithThePosition()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "position", "add", "My_HKEX_ALL", "0001.HK", "--quantity", "500", "--avg-cost", "40",
            "--add-zone", "38-41", "--buy-only", "in-add-zone", "--trim-min", "52");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal([("{in-add-zone}", 52m)], await db.QueryAsync<(string, decimal)>(
            "SELECT buy_only::text, trim_min FROM position_rules WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '0001.HK'"));
    }

    [Theory]
    [InlineData("--buy-only", "below-ema20")]
    [InlineData("--buy-only", "in-add-zone")] // 0939 has no add zone
    [InlineData("--buy-only", "")]
    [InlineData("--trim-min", "-1")]
    [InlineData("--trim-min", "1,5")]
    [InlineData("--tactical-stop", "7.1234")]
    [InlineData("--clear", "everything")]
    public async Task BadOverlays_AreOneLine_WithExitCode2_AndChangeNothing(string option, string value)
    {
        await using var db = await DemoDatabases.SeededAsync();
        var before = await TableSnapshot.TakeAsync(db);

        var run = await Hks(db, "position", "update", "My_HKEX_ALL", "0939.HK", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Equal(before, await TableSnapshot.TakeAsync(db));
    }

    [Fact]
    public async Task ClearingTheAddZone_OfAPositionThatBuysOnlyInIt_IsRefused()
    {
        await using var db = await DemoDatabases.SeededAsync(); // 9988 buys only in its add zone 112–115

        var run = await Hks(db, "position", "update", "My_HKEX_ALL", "9988.HK", "--clear", "add-zone");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[InvalidRule]", run.Error, StringComparison.Ordinal);
        Assert.Contains("in-add-zone needs an add zone", run.Error, StringComparison.Ordinal);
        Assert.Equal(112m, await db.ScalarAsync<decimal>("SELECT add_zone_low FROM position_rules WHERE portfolio_id = 'My_HKEX_ALL' AND symbol = '9988.HK'"));
    }

    [Fact]
    public async Task Signals_WeighTheDemoRails_WithTheirWordsInTheEvidence()
    {
        await using var db = await DemoDatabases.SeededAsync();

        var run = await Hks(db, "signals", "generate", "--portfolio", "My_HKEX_ALL");

        Assert.True(run.ExitCode == 0, run.Error);
        var checks = await db.QueryAsync<(string Symbol, string Condition)>("""
            SELECT s.symbol, c->>'condition' FROM signals s, jsonb_array_elements(s.evidence->'strategies') st, jsonb_array_elements(st->'checks') c
            WHERE s.symbol IN ('9988.HK', '0388.HK', '0005.HK', '2888.HK')
            """);
        Assert.Contains(checks, c => c.Symbol == "9988.HK" && c.Condition.StartsWith("in-add-zone: close ", StringComparison.Ordinal) && c.Condition.EndsWith("inside the add zone 112–115", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Symbol == "0388.HK" && c.Condition.StartsWith("above-ema20: close ", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Symbol == "0005.HK" && c.Condition.StartsWith("near-ema-cluster: close ", StringComparison.Ordinal));
        Assert.Contains(checks, c => c.Symbol == "2888.HK" && c.Condition.EndsWith("≥ trim minimum 152 (the target when none is set)", StringComparison.Ordinal));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT COUNT(*) FROM signals WHERE symbol = '0857.HK' AND evidence->'stops'->0->>'condition' LIKE '%tactical stop 7.1'"));
    }

    [Fact]
    public async Task AVersion1Document_LeavesTheOverlaysAsTheyAre_AndAnUnknownGateInADocumentIsRefused()
    {
        await using var db = await DemoDatabases.SeededAsync();
        var exported = (await Hks(db, "portfolio", "export", "My_HKEX_ALL")).Out;
        // What an older hks wrote: version 1, without the overlays.
        var version1 = JsonNode.Parse(exported)!;
        version1["version"] = 1;
        foreach (var position in version1["positions"]!.AsArray())
        {
            position!.AsObject().Remove("trimMin");
            position.AsObject().Remove("tacticalStop");
            position.AsObject().Remove("buyOnly");
        }
        var hostile = JsonNode.Parse(exported)!;
        hostile["positions"]![0]!["buyOnly"] = new JsonArray("in-add-zone\u001b[31m");
        var folder = Directory.CreateTempSubdirectory("hks-overlays-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "v1.json"), version1.ToJsonString());
            await File.WriteAllTextAsync(Path.Combine(folder, "hostile.json"), hostile.ToJsonString());
            var before = await TableSnapshot.TakeAsync(db);

            var old = await Hks(db, "portfolio", "import", Path.Combine(folder, "v1.json"), "--yes");
            var refused = await Hks(db, "portfolio", "import", Path.Combine(folder, "hostile.json"), "--yes");

            Assert.True(old.ExitCode == 0, old.Error);
            Assert.Equal(before, await TableSnapshot.TakeAsync(db));
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("[InvalidDocument]", refused.Error, StringComparison.Ordinal);
            Assert.Contains("in-add-zone\\u001B[31m", refused.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("null-gate")]
    [InlineData("v1-with-overlays")]
    [InlineData("no-version-with-overlays")]
    [InlineData("v1-clearing-a-gated-zone")]
    public async Task AmbiguousOrHostileOverlaysInADocument_AreRefusedInOneLine_AndNothingIsImported(string hostile)
    {
        await using var db = await DemoDatabases.SeededAsync();
        var document = JsonNode.Parse((await Hks(db, "portfolio", "export", "My_HKEX_ALL")).Out)!;
        var alibaba = document["positions"]!.AsArray().Single(p => p!["symbol"]!.GetValue<string>() == "9988.HK")!;
        switch (hostile)
        {
            case "null-gate":
                alibaba["buyOnly"] = new JsonArray("in-add-zone", null);
                break;
            case "v1-with-overlays":
                document["version"] = 1;
                break;
            case "no-version-with-overlays":
                document.AsObject().Remove("version");
                break;
            default: // an older export: no overlays, and 9988 with a target but no add zone, while the database has it buy only inside it
                document["version"] = 1;
                foreach (var position in document["positions"]!.AsArray())
                {
                    position!.AsObject().Remove("trimMin");
                    position.AsObject().Remove("tacticalStop");
                    position.AsObject().Remove("buyOnly");
                }
                alibaba["addZoneLow"] = null;
                alibaba["addZoneHigh"] = null;
                alibaba["targetSell"] = 140; // a rule of its own, so the document speaks for 9988's rules
                break;
        }
        var file = Path.Combine(Path.GetTempPath(), $"hks-overlays-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.ToJsonString());
        try
        {
            var before = await TableSnapshot.TakeAsync(db);

            var run = await Hks(db, "portfolio", "import", file, "--yes");

            Assert.Equal(2, run.ExitCode);
            Assert.EndsWith("[InvalidDocument]", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
            Assert.Equal(before, await TableSnapshot.TakeAsync(db));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Task<HksRun> Hks(TestDatabase db, params string[] args) =>
        db.HksAsync(args);
}
