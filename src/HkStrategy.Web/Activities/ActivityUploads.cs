using System.Security.Cryptography;
using HkStrategy.Core.Failures;
using HkStrategy.Operations.Files;

namespace HkStrategy.Web.Activities;

/// <summary>
/// Activity files uploaded for an import, kept between their preview and their confirmation under a random token in a
/// folder only this account can read; the token is all the page carries. A token that is not 32 hex digits names no
/// file; a file is removed once imported, and any left for a day is removed at the next upload.
/// </summary>
public sealed class ActivityUploads(string folder, TimeProvider clock)
{
    /// <summary>Ghostfolio's reader takes up to 64 MiB; an upload may be that large and no larger.</summary>
    public const long MaximumBytes = 64L * 1024 * 1024;

    public async Task<string> SaveAsync(Stream upload, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        RemoveOld();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        try
        {
            await using var file = new FileStream(PathOf(token), options);
            await new CappedStream(upload, MaximumBytes, "the upload").CopyToAsync(file, cancellationToken);
        }
        catch
        {
            Remove(token);
            throw;
        }
        return token;
    }

    /// <summary>The saved file's path; a token that names none is refused in one line.</summary>
    public string PathOf(string? token)
    {
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitLower))
        {
            throw HksException.Usage("UploadMissing", "the upload is not known (or was imported already): choose the file again");
        }
        return Path.Combine(folder, token + ".upload");
    }

    public string Existing(string? token)
    {
        var path = PathOf(token);
        return File.Exists(path) ? path : throw HksException.Usage("UploadMissing", "the upload is not known (or was imported already): choose the file again");
    }

    public void Remove(string? token)
    {
        if (File.Exists(PathOf(token)))
        {
            File.Delete(PathOf(token));
        }
    }

    private void RemoveOld()
    {
        var dayAgo = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var old in new DirectoryInfo(folder).GetFiles("*.upload").Where(f => f.LastWriteTimeUtc < dayAgo))
        {
            old.Delete();
        }
    }
}
