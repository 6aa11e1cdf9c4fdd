using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Features.Shared;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.WhatIf;

public sealed class IndexModel(WhatIfService whatIf, PartnershipService partnerships, Regiekamer.Core.Calls.CallService calls) : PageModel
{
    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    [FromQuery(Name = "partnership")]
    public int? PartnershipId { get; set; }

    [FromQuery(Name = "municipality")]
    public string? Municipality { get; set; }

    [FromQuery(Name = "newName")]
    public string? NewName { get; set; }

    [FromQuery(Name = "newKind")]
    public string? NewKind { get; set; }

    [FromQuery(Name = "newMembers")]
    public string? NewMembers { get; set; }

    [FromQuery(Name = "newManaging")]
    public string? NewManaging { get; set; }

    public IReadOnlyList<Partnership> Partnerships { get; private set; } = [];

    public WhatIfOutcome? Outcome { get; private set; }

    /// <summary>The partnerships whose amount now or after the change rests on an estimated job-seeker figure.</summary>
    public EstimateNotice Estimates { get; private set; } = null!;

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Partnerships = await partnerships.ListAsync(ct);
        if (string.IsNullOrEmpty(Action))
        {
            return;
        }

        var input = new WhatIfInput(
            Action,
            PartnershipId,
            Municipality,
            Action == WhatIfService.AddPartnership
                ? new PartnershipInput(NewName, NewKind, PartnershipStatus.New.Code(), (NewMembers ?? "").Split(['\n', ';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), NewManaging)
                : null);
        var result = await whatIf.ApplyAsync(null, await calls.JudgementDateAsync(null, null, ct), input, ct);
        if (!result.IsSuccess)
        {
            Errors = result.Errors;
            Response.StatusCode = Problems.StatusOf(result.Errors);
            return;
        }

        (var preview, Outcome) = result.Value!;
        var before = preview.EstimatedLines.ToDictionary(l => l.Name, l => l.JobSeekerEstimates!);
        var items = Outcome.Rows
            .Select(r => (r.Partnership, Estimates: r.JobSeekerEstimatesAfter ?? before.GetValueOrDefault(r.Partnership)))
            .Where(x => x.Estimates is { Count: > 0 })
            .Select(x => new EstimateNotice.Item(x.Partnership, x.Estimates!))
            .ToList();
        Estimates = new EstimateNotice(preview.Snapshot.JobSeekersDataset, preview.Snapshot.JobSeekersMethod, preview.Weights.JobSeekers > 0 ? items : []);
    }
}
