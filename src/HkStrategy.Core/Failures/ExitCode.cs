namespace HkStrategy.Core.Failures;

/// <summary>The process exit codes every hks command uses; documented in the README.</summary>
public enum ExitCode
{
    Done = 0,
    CheckFailed = 1,
    Usage = 2,
    Environment = 3,
    Refused = 4,
    Cancelled = 130,
}
