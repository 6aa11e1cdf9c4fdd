using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Common;
using Regiekamer.Core.Kbo;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Kbo;

/// <summary>
/// The KBO extract in force and the recent imports; an administrator uploads a new extract here. The upload is
/// streamed to a file (ASP.NET buffers a large form file on disk, not in memory) and queued; the background job imports
/// it, and while it runs this page refreshes itself (a Refresh header, so no JavaScript) to show how far it is.
/// </summary>
[RequestSizeLimit(KboUploads.MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = KboUploads.MaxBytes)]
public sealed class IndexModel(KboService kbo, KboImportService imports, KboUploads uploads) : RegiekamerPage
{
    /// <summary>Seconds between refreshes while an import is queued or running.</summary>
    public const int RefreshSeconds = 5;

    [BindProperty]
    public IFormFile? Extract { get; set; }

    public KboSnapshot? InForce { get; private set; }

    public IReadOnlyList<KboSnapshot> History { get; private set; } = [];

    public bool Running => History.Any(s => s.Status is KboSnapshotStatus.Queued or KboSnapshotStatus.Loading);

    public bool Queued { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Extract is null || Extract.Length == 0)
        {
            await LoadAsync(ct);
            return Fail([DomainError.Invalid("validation", "Bestand: kies het ZIP-bestand van KBO Open Data.", "File: choose the KBO Open Data ZIP file.", "extract")]);
        }

        string path;
        await using (var upload = Extract.OpenReadStream())
        {
            path = await uploads.SaveAsync(upload, ct);
        }

        var queued = await imports.QueueAsync(path, Path.GetFileName(Extract.FileName), ct);
        if (!queued.IsSuccess)
        {
            System.IO.File.Delete(path);
            await LoadAsync(ct);
            return Fail(queued.Errors);
        }

        await KboApi.StartNowAsync(HttpContext.RequestServices, ct);
        return RedirectToPage(new { queued = queued.Value!.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        InForce = await kbo.InForceAsync(ct);
        History = await kbo.HistoryAsync(10, ct);
        Queued = Request.Query.ContainsKey("queued");
        if (Running)
        {
            Response.Headers["Refresh"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
