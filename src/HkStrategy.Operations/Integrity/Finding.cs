namespace HkStrategy.Operations.Integrity;

public enum Severity
{
    Ok,
    Warning,
    Error,
}

/// <summary>One line of a check: which check, how bad, what was found.</summary>
public sealed record Finding(string Check, Severity Severity, string Message);
