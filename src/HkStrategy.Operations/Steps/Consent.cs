namespace HkStrategy.Operations.Steps;

/// <summary>
/// What a destructive step is about to do, in one sentence both doors show, and what the user must type to let it
/// (the command line asks for it unless <c>--yes</c>; the dashboard's form asks for it).
/// </summary>
public sealed record Consent(string Question, string TypeToConfirm)
{
    /// <summary>Whether the typed answer lets the step go on (surrounding spaces aside; case matters unless told).</summary>
    public bool IsGivenBy(string? answer, StringComparison comparison = StringComparison.Ordinal) =>
        string.Equals(answer?.Trim(), TypeToConfirm, comparison);

    /// <summary>The refusal both doors give when the answer is not the one asked for.</summary>
    public string Refusal(string what) => $"type {TypeToConfirm} to confirm; nothing was {what}";
}
