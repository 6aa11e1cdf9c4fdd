using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Api;

namespace Regiekamer.Web.Features.WhatIf;

public sealed class IndexModel(WhatIfService whatIf, PartnershipService partnerships, ReferenceDataService data, Regiekamer.Core.Calls.CallService calls, TimeProvider time) : PageModel
{
    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    [FromQuery(Name = "partnershipId")]
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

    public ReferenceDataset JobSeekersDataset { get; private set; } = null!;

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Partnerships = await partnerships.ListAsync(ct);
        if (string.IsNullOrEmpty(Action))
        {
            return;
        }

        var request = new WhatIfRequest(
            Action,
            PartnershipId,
            Municipality,
            Action == "add-partnership"
                ? new PartnershipRequest(NewName, NewKind, PartnershipStatus.New.Code(), (NewMembers ?? "").Split(['\n', ';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), NewManaging, null, null, null, null, null)
                : null,
            null);
        var change = await AllocationApi.ToChangeAsync(request, partnerships, data, ct);
        if (!change.IsSuccess)
        {
            Errors = change.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }

        var result = await whatIf.ApplyAsync(null, await ApiRoutes.DateAsync((DateOnly?)null, null, calls, time, ct), change.Value!, ct);
        if (!result.IsSuccess)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return;
        }

        (var preview, Outcome) = result.Value!;
        JobSeekersDataset = preview.Snapshot.JobSeekersDataset;
    }
}
