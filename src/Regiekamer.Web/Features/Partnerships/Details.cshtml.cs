using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Api;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

public sealed class DetailsModel(AllocationService allocation, PartnershipService partnerships, ReferenceDataService data, Regiekamer.Core.Calls.CallService calls, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public DateOnly On { get; private set; }

    public Partnership Partnership { get; private set; } = null!;

    public ReferenceSnapshot Snapshot { get; private set; } = null!;

    public EligibilityResult Result { get; private set; } = null!;

    public Money? Amount { get; private set; }

    public string CallCode { get; private set; } = "";

    public bool CanEdit { get; private set; }

    public bool CanDelete { get; private set; }

    public IReadOnlyList<NisCode> Members { get; private set; } = [];

    public IReadOnlyList<MappedMember> Members2025 { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "on")] DateOnly? on, CancellationToken ct)
    {
        if (!User.CanReadPartnership(Id))
        {
            return Forbid();
        }

        On = await ApiRoutes.DateAsync(on, null, calls, time, ct);
        CanEdit = User.CanEditPartnership(Id);
        CanDelete = User.IsInRole("Administrator") || User.IsInRole("CaseHandler");
        var preview = await allocation.PreviewAsync(null, On, ct);
        if (!preview.IsSuccess)
        {
            throw new InvalidOperationException(string.Join(" ", preview.Errors.Select(e => e.Message.En)));
        }

        var p = preview.Value!;
        var mine = p.PartnershipsByName.Values.FirstOrDefault(x => x.Id == Id);
        if (mine is null)
        {
            return NotFound();
        }

        Partnership = mine;
        Snapshot = p.Snapshot;
        CallCode = $"{p.Call.Code} v{p.CallVersion.Number}";
        var facts = p.PartnershipsByName.Values.Select(PartnershipService.ToFacts).ToList();
        Result = EligibilityRules.Evaluate(facts, Snapshot.EligibilityContext(On)).First(r => r.Partnership == mine.Name);
        Amount = p.Lines.FirstOrDefault(l => l.Name == mine.Name)?.Total;
        Members = mine.Members.Select(m => m.NisCode).OrderBy(c => Snapshot.Find(c)?.Name, StringComparer.Ordinal).ToList();
        var s2025 = await data.SnapshotAsync(MunicipalitySet.Set2025, ct: ct);
        Members2025 = MergerMapping.To2025(Members, Snapshot.Municipalities, s2025.Municipalities);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!(User.IsInRole("Administrator") || User.IsInRole("CaseHandler")))
        {
            return Forbid();
        }

        var result = await partnerships.DeleteAsync(Id, ct);
        return result.IsSuccess ? Redirect("/Partnerships") : NotFound();
    }
}
