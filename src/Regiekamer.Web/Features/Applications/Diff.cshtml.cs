using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>What changed between two submitted versions, field by field, as a civil servant reads it.</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class DiffModel(ApplicationService applications, SubmissionService submissions) : DossierPage(applications, submissions)
{
    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    public IReadOnlyList<DiffEntry> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        var last = Dossier.SubmittedVersions;
        if (last < 2 && From is null)
        {
            return Page();
        }

        To ??= last;
        From ??= To - 1;
        var diff = await Submissions.DiffAsync(ApplicationId, From.Value, To.Value, ct);
        if (!diff.IsSuccess)
        {
            return Fail(diff.Errors);
        }

        Changes = diff.Value!;
        return Page();
    }

    public static string SectionLabel(DiffSection section, Lang l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return section switch
        {
            DiffSection.Partnership => l["Regieverband", "Partnership"],
            DiffSection.Information => l["Inlichtingenformulier", "Information form"],
            DiffSection.Commitments => l["Verbintenisverklaringen", "Commitment statements"],
            _ => l["Meerjarenplan", "Multi-year plan"],
        };
    }
}
