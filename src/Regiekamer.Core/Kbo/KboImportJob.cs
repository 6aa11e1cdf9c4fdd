using Microsoft.Extensions.Logging;
using Quartz;
using Regiekamer.Core.Notifications.Jobs;

namespace Regiekamer.Core.Kbo;

/// <summary>
/// Runs an uploaded KBO extract in the background (a full extract takes minutes): every minute, and at once when an
/// administrator uploads one. Never two runs at once, in the cluster either; and the queued import is claimed by a
/// conditional update, so with several app instances exactly one runs it.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class KboImportJob(KboImportService imports, ILogger<KboImportJob> logger) : IJob
{
    public static readonly JobKey Key = new("kbo-import", SchedulerSetup.Group);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = await imports.RunQueuedAsync(cancellationToken);
        if (run is null)
        {
            return;
        }

        if (run.IsSuccess)
        {
            LogDone(logger, run.Value!.ExtractNumber ?? 0, run.Value.Enterprises, run.Value.RowsPerSecond);
        }
        else
        {
            LogRefused(logger, run.Errors[0].Message.En);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "KBO extract {Number} in force: {Enterprises} enterprises ({PerSecond} rows/s)")]
    private static partial void LogDone(ILogger logger, int number, int enterprises, int perSecond);

    [LoggerMessage(Level = LogLevel.Warning, Message = "KBO import refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}

/// <summary>Where uploaded extracts wait for <see cref="KboImportJob"/>: with several app instances, a folder they share.</summary>
public sealed record KboUploads(string Folder)
{
    /// <summary>The largest extract the web app takes (a full KBO ZIP is a few hundred MB).</summary>
    public const long MaxBytes = 2L * 1024 * 1024 * 1024;

    public static KboUploads Default { get; } = new(Path.Combine(Path.GetTempPath(), "regiekamer-kbo"));

    /// <summary>Streams an upload to a new file of its own (never whole in memory) and returns its path.</summary>
    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"kbo-{Guid.NewGuid():N}.zip");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await content.CopyToAsync(file, 1 << 16, ct);
        return path;
    }
}
