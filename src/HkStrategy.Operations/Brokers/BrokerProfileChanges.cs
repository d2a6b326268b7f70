using System.Globalization;
using HkStrategy.Core.Costs;
using HkStrategy.Core.Failures;
using HkStrategy.Core.Text;
using HkStrategy.Data.Brokers;
using HkStrategy.Data.Portfolios;
using HkStrategy.Operations.Steps;
using Npgsql;

namespace HkStrategy.Operations.Brokers;

/// <summary>
/// What the user changes in a broker profile; null keeps the value it has (nothing, for a new profile);
/// <paramref name="RemovesBrokerName"/> empties the broker's name (a form's emptied field).
/// </summary>
public sealed record BrokerProfileChange(string? Broker, decimal? CommissionRate, decimal? CommissionMinimum, decimal? PlatformFee, bool RemovesBrokerName = false)
{
    public bool ChangesNothing => Broker is null && CommissionRate is null && CommissionMinimum is null && PlatformFee is null && !RemovesBrokerName;
}

/// <summary>
/// A portfolio's broker profile for both doors: shown, set (only what is given changes), or cleared. Trades recorded
/// afterwards with computed costs pay its commission; the costs already recorded stay as they are.
/// </summary>
public static class BrokerProfileChanges
{
    public static async Task<StoredBrokerProfile?> ShowAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken)
    {
        _ = await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        return await BrokerProfileStore.FindAsync(connection, portfolioId, cancellationToken);
    }

    public static async Task<(StoredBrokerProfile Profile, StepOutcome Step)> SetAsync(NpgsqlConnection connection, string portfolioId, BrokerProfileChange change,
        CancellationToken cancellationToken)
    {
        if (change.ChangesNothing)
        {
            throw HksException.Usage("NothingToChange", "say what to change: --broker, --commission-rate, --commission-minimum or --platform-fee (or --clear)");
        }
        var current = await ShowAsync(connection, portfolioId, cancellationToken);
        var profile = BrokerProfile.Checked(change.CommissionRate ?? current?.CommissionRate ?? 0m, change.CommissionMinimum ?? current?.CommissionMinimum ?? 0m,
            change.PlatformFee ?? current?.PlatformFee ?? 0m);
        var name = change.RemovesBrokerName ? null : CheckedName(change.Broker) ?? current?.Broker;
        var stored = new StoredBrokerProfile(portfolioId, name, profile.Rate, profile.Minimum, profile.PlatformFee);
        await BrokerProfileStore.SetAsync(connection, stored, cancellationToken);
        return (stored, new StepOutcome($"{portfolioId}: {Describe(stored)}; trades recorded from now on with computed costs pay it, those recorded keep their costs"));
    }

    public static async Task<StepOutcome> ClearAsync(NpgsqlConnection connection, string portfolioId, CancellationToken cancellationToken)
    {
        _ = await PortfolioStore.GetAsync(connection, portfolioId, cancellationToken);
        return new StepOutcome(await BrokerProfileStore.RemoveAsync(connection, portfolioId, cancellationToken)
            ? $"{portfolioId}: broker profile removed; trades recorded from now on pay no commission unless their fees are given"
            : $"{portfolioId} had no broker profile: nothing changed");
    }

    /// <summary>"Futu: 0.03% of the consideration, at least HK$3.00, plus HK$15.00 a trade".</summary>
    public static string Describe(StoredBrokerProfile? stored)
    {
        if (stored is null || stored.Profile.IsNone)
        {
            return (stored?.Broker is { } name ? name + ": " : "") + "no commission";
        }
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{stored.CommissionRate * 100m:0.####}% of the consideration") };
        if (stored.CommissionMinimum > 0m)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"at least HK${stored.CommissionMinimum:N2}"));
        }
        var text = string.Join(", ", parts) + (stored.PlatformFee > 0m ? string.Create(CultureInfo.InvariantCulture, $", plus HK${stored.PlatformFee:N2} a trade") : "");
        return (stored.Broker is { } broker ? broker + ": " : "") + text;
    }

    /// <summary>The broker's name trimmed, 1–100 characters of plain text; none stays none.</summary>
    public static string? CheckedName(string? name)
    {
        if (name is null)
        {
            return null;
        }
        var trimmed = name.Trim();
        if (trimmed.Length is 0 or > 100 || TextRules.HasControlCharacters(trimmed))
        {
            throw HksException.Usage("InvalidBrokerName", "a broker's name must have 1–100 characters of plain text");
        }
        return trimmed;
    }
}
