using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Partnerships;

public sealed class PartnershipForm
{
    public string? Name { get; set; }

    public string? Kind { get; set; } = PartnershipKind.InterlocalAssociation.Code();

    public string? Status { get; set; } = PartnershipStatus.New.Code();

    /// <summary>One municipality per line (or separated by ';' or ',').</summary>
    public string? Members { get; set; }

    public string? ManagingMunicipality { get; set; }

    public string? ChangeMotivation { get; set; }

    public string? RegisseurName { get; set; }

    public string? RegisseurEmail { get; set; }

    public string? RegisseurPhone { get; set; }

    public PartnershipInput ToInput() => new(
        Name, Kind, Status, (Members ?? "").Split(['\n', ';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        ManagingMunicipality, ChangeMotivation, RegisseurName, RegisseurEmail, RegisseurPhone);
}

public sealed class EditModel(PartnershipService partnerships, ReferenceDataService data) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public PartnershipForm Input { get; set; } = new();

    public IReadOnlyList<DomainError> Errors { get; private set; } = [];

    /// <summary>Creating is department case work; editing is for whoever may edit that partnership (a regisseur: their own).</summary>
    private bool Allowed => Id is { } id ? User.CanEditPartnership(id) : User.IsInRole("Administrator") || User.IsInRole("CaseHandler");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Allowed)
        {
            return Forbid();
        }

        if (Id is not { } id)
        {
            return Page();
        }

        var p = await partnerships.GetAsync(id, ct);
        if (p is null)
        {
            return NotFound();
        }

        var s = await data.SnapshotAsync(p.MunicipalitySet, ct: ct);
        Version = p.Version;
        Input = new PartnershipForm
        {
            Name = p.Name,
            Kind = p.Kind.Code(),
            Status = p.Status.Code(),
            Members = string.Join("\n", p.Members.Select(m => s.Find(m.NisCode)?.Name ?? m.NisCode.Value).Order(StringComparer.Ordinal)),
            ManagingMunicipality = p.ManagingNisCode is { } m ? s.Find(m)?.Name : null,
            ChangeMotivation = p.ChangeMotivation,
            RegisseurName = p.RegisseurName,
            RegisseurEmail = p.RegisseurEmail,
            RegisseurPhone = p.RegisseurPhone,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Allowed)
        {
            return Forbid();
        }

        var result = Id is { } id
            ? await partnerships.UpdateAsync(id, Input.ToInput(), Version, ct)
            : await partnerships.CreateAsync(Input.ToInput(), ct);
        if (!result.IsSuccess)
        {
            if (result.Errors.Any(e => e.Kind == ErrorKind.NotFound))
            {
                return NotFound();
            }

            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return Redirect($"/Partnerships/Details?id={result.Value!.Id}&saved=true");
    }
}
