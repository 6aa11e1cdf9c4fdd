using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// The information form (R7a): the partnership as it applies (a change of its composition changes the partnership,
/// with its own history, and is judged again on R1–R6) and the dossier's own fields. Prepared by the partnership's
/// regisseur or signatory while the dossier is a draft or sent back for changes.
/// </summary>
[PartnershipAccess(PartnershipPermission.Apply)]
public sealed class InformationModel(ApplicationService applications, SubmissionService submissions, PartnershipService partnerships, ReferenceDataService data) : DossierPage(applications, submissions)
{
    [BindProperty]
    public InformationForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct))
        {
            Input = InformationForm.Of(Dossier, State.Partnership, await data.SnapshotAsync(State.Partnership.MunicipalitySet, ct: ct));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var valid = ApplicationService.Validate(Input.ToInformation());
        if (!valid.IsSuccess)
        {
            return await RefusedAsync(valid.Errors, ct);
        }

        var partnership = await partnerships.GetAsync(Input.PartnershipId, ct);
        if (partnership is null || await Applications.PartnershipOfAsync(ApplicationId, ct) != partnership.Id)
        {
            return await RefusedAsync([ApplicationService.NotFound(ApplicationId)], ct);
        }

        var snapshot = await data.SnapshotAsync(partnership.MunicipalitySet, ct: ct);
        var composition = Input.ToPartnership(partnership);
        var checkedComposition = PartnershipService.Validate(composition, snapshot);
        if (!checkedComposition.IsSuccess)
        {
            return await RefusedAsync(checkedComposition.Errors, ct);
        }

        // A change of the composition is a change of the partnership itself: its own service, version and history.
        if (Differs(partnership, checkedComposition.Value!))
        {
            var changed = await partnerships.UpdateAsync(partnership.Id, composition, Input.PartnershipVersion, ct);
            if (!changed.IsSuccess)
            {
                return await RefusedAsync(changed.Errors, ct);
            }
        }

        var saved = await Applications.UpdateInformationAsync(ApplicationId, Input.ToInformation(), Input.InformationVersion, ct);
        return saved.IsSuccess ? Redirect(DossierUrl("/Information?saved=true")) : await RefusedAsync(saved.Errors, ct);
    }

    private static bool Differs(Partnership p, ValidPartnership v) =>
        p.Name != v.Name || p.Kind != v.Kind || p.Status != v.Status || p.ManagingNisCode != v.ManagingMunicipality || p.ChangeMotivation != v.ChangeMotivation
        || !p.Members.Select(m => m.NisCode).ToHashSet().SetEquals(v.Members);
}

/// <summary>The information form's fields: the partnership's and the dossier's.</summary>
public sealed class InformationForm
{
    public int PartnershipId { get; set; }

    public int PartnershipVersion { get; set; }

    public int InformationVersion { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? Status { get; set; }

    public string? Members { get; set; }

    public string? ManagingMunicipality { get; set; }

    public string? ChangeMotivation { get; set; }

    /// <summary>"true", "false" or empty: radio buttons.</summary>
    public string? BbcUser { get; set; }

    public string? BeneficiaryKbo { get; set; }

    public string? Iban { get; set; }

    public string? WijkWerken { get; set; }

    public string? RegisseurName { get; set; }

    public string? RegisseurEmail { get; set; }

    public string? RegisseurPhone { get; set; }

    public string? SignatoryName { get; set; }

    public string? SignatoryEmail { get; set; }

    public string? SignatoryPhone { get; set; }

    public static InformationForm Of(Application a, Partnership p, ReferenceSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(s);
        return new()
        {
            PartnershipId = p.Id,
            PartnershipVersion = p.Version,
            InformationVersion = a.InformationVersion,
            Name = p.Name,
            Kind = p.Kind.Code(),
            Status = p.Status.Code(),
            Members = string.Join("\n", p.Members.Select(m => s.Find(m.NisCode)?.Name ?? m.NisCode.Value).Order(StringComparer.Ordinal)),
            ManagingMunicipality = p.ManagingNisCode is { } m ? s.Find(m)?.Name : null,
            ChangeMotivation = p.ChangeMotivation,
            BbcUser = a.BbcUser?.ToString().ToLowerInvariant(),
            BeneficiaryKbo = a.BeneficiaryKbo is { } kbo && KboNumber.TryParse(kbo, out var k) ? k.ToDisplayString() : a.BeneficiaryKbo,
            Iban = a.Iban is { } iban && Core.Common.Iban.TryParse(iban, out var i) ? i.ToDisplayString() : a.Iban,
            WijkWerken = a.WijkWerken?.ToString().ToLowerInvariant(),
            RegisseurName = a.RegisseurName,
            RegisseurEmail = a.RegisseurEmail,
            RegisseurPhone = a.RegisseurPhone,
            SignatoryName = a.SignatoryName,
            SignatoryEmail = a.SignatoryEmail,
            SignatoryPhone = a.SignatoryPhone,
        };
    }

    public InformationInput ToInformation() => new(
        Bool(BbcUser), BeneficiaryKbo, Iban, new ContactInput(RegisseurName, RegisseurEmail, RegisseurPhone), new ContactInput(SignatoryName, SignatoryEmail, SignatoryPhone), Bool(WijkWerken));

    /// <summary>The partnership's fields as the partnership service takes them; its regisseur contact stays as it is.</summary>
    public PartnershipInput ToPartnership(Partnership current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new(
            Name, Kind, Status, (Members ?? "").Split(['\n', ';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ManagingMunicipality, ChangeMotivation, current.RegisseurName, current.RegisseurEmail, current.RegisseurPhone);
    }

    private static bool? Bool(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
