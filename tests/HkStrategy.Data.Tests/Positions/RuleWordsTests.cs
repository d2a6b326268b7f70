using HkStrategy.Core.Signals;
using HkStrategy.Data.Positions;

namespace HkStrategy.Data.Tests.Positions;

public sealed class RuleWordsTests
{
    [Fact]
    public void EveryRule_IsNamedInShortWords_InTheOrderTheyAreWeighed()
    {
        var position = new Position("P", "9988.HK", null, 1, 1, 1, 1, 0, null, null, 1,
            TargetSell: 140m, StopLoss: 100m, AddZoneLow: 112m, AddZoneHigh: 115m, TrimMin: 132m, TacticalStop: 105m, BuyOnlyNames: "in-add-zone,above-ema20");

        var words = RuleWords.For(position, p => p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["target 140.0", "trim ≥ 132.0", "stop 100.0", "tactical stop 105.0", "add 112.0–115.0", "buy only in-add-zone", "buy only above-ema20"], words);
        Assert.Equal(BuyGates.InAddZone | BuyGates.AboveEma20, position.Rails.BuyOnly);
    }

    [Fact]
    public void APositionWithoutRules_HasNoWords_AndNoRails()
    {
        var position = new Position("P", "0001.HK", null, 1, 1, 1, 1, 0, null, null, 1, null, null, null, null, null, null, "");

        Assert.Empty(RuleWords.For(position, p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(PositionRails.None, position.Rails);
    }
}
