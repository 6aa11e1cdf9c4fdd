using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

/// <summary>One line of the list, as the database projects it.</summary>
public sealed record PartnershipRow(int Id, string Name, PartnershipKind Kind, PartnershipStatus Status, bool IsDemo, IReadOnlyList<NisCode> Members);

/// <summary>The partnerships the user may read, a page at a time from the database, each with its eligibility for the latest call.</summary>
[OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(RegiekamerDb db, CallEvaluationService evaluations, CallService calls, DerivedCache cache) : RegiekamerPage
{
    public const int PageSize = 50;

    /// <summary>"p", not "page": Razor Pages keeps the route value "page" for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PartnershipRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public CallEvaluation Evaluation { get; private set; } = null!;

    public ReferenceSnapshot Snapshot => Evaluation.Snapshot;

    public DateOnly On => Evaluation.On;

    public bool CanCreate => User.May(DepartmentPermission.CaseWork);

    public Bilingual InhabitantsCitation => Snapshot.InhabitantsDataset.Citation;

    public EligibilityResult? ResultOf(int id) => Evaluation.Of(id)?.Result;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var evaluation = await evaluations.EvaluateAsync(null, await calls.JudgementDateAsync(null, null, ct), ct);
        if (!evaluation.IsSuccess)
        {
            return Fail(evaluation.Errors);
        }

        Evaluation = evaluation.Value!;
        var readable = User.ReadablePartnerships();
        var key = readable is null ? "all" : string.Join(',', readable.Order());

        // The page is queried in the database (a projection, counted and paged there), once per version of the inputs.
        var (total, rows) = await cache.GetOrCreateAsync(db, ("partnership-list", key, PageNumber), () => QueryAsync(readable, PageNumber, ct), ct);
        Total = total;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = rows;
        return Page();
    }

    private async Task<(int Total, IReadOnlyList<PartnershipRow> Rows)> QueryAsync(IReadOnlySet<int>? readable, int page, CancellationToken ct)
    {
        var query = db.Partnerships.AsNoTracking();
        if (readable is not null)
        {
            query = query.Where(p => readable.Contains(p.Id));
        }

        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var rows = await query.OrderBy(p => p.Name).Skip((Math.Clamp(page, 1, pages) - 1) * PageSize).Take(PageSize)
            .Select(p => new PartnershipRow(p.Id, p.Name, p.Kind, p.Status, p.IsDemo, p.Members.Select(m => m.NisCode).ToList()))
            .ToListAsync(ct);
        return (total, rows);
    }
}
