namespace HkStrategy.Operations.Progress;

/// <summary>
/// A step of a long operation: its name and, where it can be measured, how far it is (bytes or rows) out of an
/// estimated total. Reported through <see cref="IProgress{T}"/>; the command line draws bars with rates and ETA.
/// </summary>
public sealed record OperationProgress(string Step, long Done = 0, long? Total = null, bool Finished = false, string Unit = "items");
