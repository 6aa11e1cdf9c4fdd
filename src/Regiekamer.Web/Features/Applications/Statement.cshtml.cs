using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Documents;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>The commitment statement (R7b) the members sign, for the partnership as it is composed now: printable, and as PDF.</summary>
[PartnershipAccess(PartnershipPermission.Read)]
public sealed class StatementModel(ApplicationService applications, SubmissionService submissions, DossierDocuments documents) : DossierPage(applications, submissions)
{
    public CommitmentStatementText? Statement { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        var text = await documents.CommitmentStatementAsync(Dossier, ct);
        if (!text.IsSuccess)
        {
            return Fail(text.Errors);
        }

        Statement = text.Value;
        return Page();
    }

    /// <summary>The blocks in runs: paragraphs one by one, list items together (one list).</summary>
    public static IEnumerable<(bool IsList, IReadOnlyList<Core.Documents.TextBlock> Blocks)> Runs(IReadOnlyList<Core.Documents.TextBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var items = new List<Core.Documents.TextBlock>();
        foreach (var block in blocks)
        {
            if (block.Kind == Core.Documents.TextBlockKind.ListItem)
            {
                items.Add(block);
                continue;
            }

            if (items.Count > 0)
            {
                yield return (true, items);
                items = [];
            }

            yield return (false, [block]);
        }

        if (items.Count > 0)
        {
            yield return (true, items);
        }
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        return await DownloadAsync(documents.CommitmentStatementPdfAsync(Dossier, ct), ct);
    }
}
