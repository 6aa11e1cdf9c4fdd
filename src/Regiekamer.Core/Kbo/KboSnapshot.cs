namespace Regiekamer.Core.Kbo;

public enum KboSnapshotStatus
{
    /// <summary>Uploaded, waiting for the background job.</summary>
    Queued,

    /// <summary>Being loaded beside the extract in force.</summary>
    Loading,

    /// <summary>The extract Regiekamer reads.</summary>
    InForce,

    /// <summary>Was in force; replaced by a later extract (its rows are deleted).</summary>
    Superseded,

    /// <summary>Refused: a damaged file or an extract out of order; nothing of it was kept.</summary>
    Refused,
}

public enum KboExtractType
{
    Full,
    Update,
}

/// <summary>
/// One import of a KBO Open Data extract: what it is (meta.csv), who asked for it and when, how far it is, and how it
/// ended. At most one is <see cref="KboSnapshotStatus.InForce"/>; the lookups read its rows only.
/// </summary>
public sealed class KboSnapshot
{
    private KboSnapshot()
    {
    }

    public int Id { get; private set; }

    public KboSnapshotStatus Status { get; set; }

    /// <summary>The file or folder name as given (not a path on the server).</summary>
    public string Source { get; private set; } = "";

    /// <summary>Where an uploaded extract waits for the job; cleared when done.</summary>
    public string? UploadPath { get; set; }

    public string RequestedBy { get; private set; } = "";

    public DateTime RequestedAtUtc { get; private set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public KboExtractType? ExtractType { get; set; }

    public DateOnly? SnapshotDate { get; set; }

    public int? ExtractNumber { get; set; }

    public string? CurrentFile { get; set; }

    public long RowsRead { get; set; }

    public int RowsPerSecond { get; set; }

    public int Enterprises { get; set; }

    public int Denominations { get; set; }

    public int Addresses { get; set; }

    public int Activities { get; set; }

    public int Codes { get; set; }

    public string? ErrorNl { get; set; }

    public string? ErrorEn { get; set; }

    public int Version { get; set; }

    public static KboSnapshot Request(string source, string requestedBy, DateTime nowUtc, string? uploadPath, KboSnapshotStatus status) => new()
    {
        Source = source.Length > 300 ? source[..300] : source,
        RequestedBy = requestedBy.Length > 200 ? requestedBy[..200] : requestedBy,
        RequestedAtUtc = nowUtc,
        UploadPath = uploadPath,
        Status = status,
    };
}
