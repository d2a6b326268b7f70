namespace HkStrategy.Core.Failures;

/// <summary>
/// A failure the user can act on: one line of text, a stable name and the exit code it maps to.
/// Anything else that escapes is a bug and is reported as such.
/// </summary>
public class HksException : Exception
{
    public HksException(string name, string message, ExitCode exitCode, Exception? inner = null)
        : base(message, inner)
    {
        Name = name;
        ExitCode = exitCode;
    }

    /// <summary>A stable, greppable name such as <c>MigrationChecksumMismatch</c>.</summary>
    public string Name { get; }

    public ExitCode ExitCode { get; }

    public static HksException Usage(string name, string message) => new(name, message, ExitCode.Usage);

    public static HksException Environment(string name, string message, Exception? inner = null) =>
        new(name, message, ExitCode.Environment, inner);

    public static HksException Refused(string name, string message) => new(name, message, ExitCode.Refused);

    public static HksException CheckFailed(string name, string message) => new(name, message, ExitCode.CheckFailed);

    public static HksException Cancelled(string message) => new("Cancelled", message, ExitCode.Cancelled);
}
