using HkStrategy.Core.Failures;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HkStrategy.Web.Shared;

/// <summary>
/// Runs the same input rules the command line uses and puts their one-line message beside the field, in the
/// dashboard's words (<see cref="Plain"/>).
/// </summary>
public static partial class FieldChecks
{
    /// <summary>A command line message in the dashboard's words: its options (<c>--commission-rate</c>) are the form's fields (commission rate).</summary>
    public static string Plain(string message) => OptionName().Replace(message, m => m.Groups[1].Value.Replace('-', ' '));

    [System.Text.RegularExpressions.GeneratedRegex(@"--([a-z][a-z-]*)")]
    private static partial System.Text.RegularExpressions.Regex OptionName();

    public static T? Check<T>(this ModelStateDictionary state, string field, Func<T> rule)
    {
        try
        {
            return rule();
        }
        catch (HksException invalid) when (invalid.ExitCode is ExitCode.Usage or ExitCode.Refused)
        {
            state.AddModelError(field, Plain(invalid.Message));
            return default;
        }
    }

    /// <summary>Runs a write; a refusal (already exists, changed meanwhile, …) becomes the field's message, a value too large for its column <paramref name="tooLargeField"/>'s.</summary>
    public static async Task<bool> TryAsync(this ModelStateDictionary state, string field, Func<Task> write, string? tooLargeField = null)
    {
        try
        {
            await write();
            return true;
        }
        catch (HksException refused) when (refused.ExitCode is ExitCode.Usage or ExitCode.Refused or ExitCode.CheckFailed)
        {
            state.AddModelError(field, Plain(refused.Message));
            return false;
        }
        catch (Npgsql.PostgresException tooLarge) when (tooLarge.SqlState == Npgsql.PostgresErrorCodes.NumericValueOutOfRange)
        {
            // Market value and P&L are numeric(12,2) in the prototype's schema: quantity × price must stay below HK$10 billion.
            state.AddModelError(tooLargeField ?? field, "the value is too large: quantity × price must stay below HK$10,000,000,000");
            return false;
        }
    }
}
