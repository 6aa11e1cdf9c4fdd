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

    /// <summary>The dossier's own fields as the form showed them when it was opened (or last saved): the basis of a merge.</summary>
    [BindProperty]
    public InformationForm Read { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public InformationConflict? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct))
        {
            Input = InformationForm.Of(Dossier, State.Partnership, await data.SnapshotAsync(State.Partnership.MunicipalitySet, ct: ct));
            Read = Input;
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

            Input.PartnershipVersion = changed.Value!.Version;
        }

        var saved = await SaveAsync(ct);
        if (saved.IsSuccess)
        {
            return Redirect(DossierUrl("/Information?saved=true"));
        }

        if (saved.Conflict is { } conflict)
        {
            // What this person typed stays in the form (merged with the other's changes), the other's values beside it.
            await LoadAsync(ct);
            Conflict = conflict;
            Input.Adopt(conflict.Proposed, conflict.CurrentVersion);
            Read = InformationForm.Own(conflict.Theirs);
            return Fail(saved.Errors);
        }

        return await RefusedAsync(saved.Errors, ct);
    }

    /// <summary>
    /// The autosave of the browser: the dossier's own fields, answered as JSON (the new version and basis, or the
    /// conflict). The composition of the partnership changes the partnership itself and is judged again on R1–R6: that
    /// is saved with the Save button only, never half-typed.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(CancellationToken ct)
    {
        var save = await SaveAsync(ct);
        if (save.IsSuccess)
        {
            var saved = save.Saved!;
            return new JsonResult(new
            {
                saved = true,
                merged = save.Merged,
                savedAt = BrusselsClock.InBrussels(saved.UpdatedAtUtc).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                values = new Dictionary<string, string?> { ["Input.InformationVersion"] = saved.InformationVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                    .Concat(InformationForm.Own(saved.Information).Named("Read")).ToDictionary(),
                note = Lang.Of(new("De samenstelling van het regieverband bewaar je met de knop Opslaan.", "The partnership's composition is saved with the Save button.")),
            });
        }

        Response.StatusCode = Problems.StatusOf(save.Errors);
        return new JsonResult(new
        {
            saved = false,
            conflict = save.Conflict?.Fields,
            errors = save.Errors.Select(e => new { field = e.Field, message = Lang.Of(e.Message) }),
        });
    }

    private Task<InformationSave> SaveAsync(CancellationToken ct) =>
        Applications.SaveInformationAsync(ApplicationId, Input.ToInformation(), Input.InformationVersion, Read.ToInformation(), ct);

    public static string FieldLabel(string field, Lang l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return field switch
        {
            "bbcUser" => l["Werkt met BBC", "Works with BBC"],
            "beneficiaryKbo" => l["KBO-nummer van de begunstigde", "Beneficiary's KBO number"],
            "iban" => l["Rekeningnummer (IBAN)", "Bank account (IBAN)"],
            "wijkWerken" => l["Wijk-werken in het gebied", "Wijk-werken in the area"],
            "regisseurName" => l["Naam van de regisseur", "The regisseur's name"],
            "regisseurEmail" => l["E-mail van de regisseur", "The regisseur's e-mail"],
            "regisseurPhone" => l["Telefoon van de regisseur", "The regisseur's phone"],
            "signatoryName" => l["Naam van de ondertekenaar", "The signatory's name"],
            "signatoryEmail" => l["E-mail van de ondertekenaar", "The signatory's e-mail"],
            "signatoryPhone" => l["Telefoon van de ondertekenaar", "The signatory's phone"],
            _ => field,
        };
    }

    /// <summary>A field's value as the side-by-side table shows it: yes/no for the questions, the text otherwise.</summary>
    public static string? ValueOf(ApplicationInformation information, string field, Lang l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return InformationMerge.Fields(information).FirstOrDefault(f => f.Field == field).Value switch
        {
            true => l["ja", "yes"],
            false => l["nee", "no"],
            string text => text,
            _ => null,
        };
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
        var form = new InformationForm
        {
            PartnershipId = p.Id,
            PartnershipVersion = p.Version,
            Name = p.Name,
            Kind = p.Kind.Code(),
            Status = p.Status.Code(),
            Members = string.Join("\n", p.Members.Select(m => s.Find(m.NisCode)?.Name ?? m.NisCode.Value).Order(StringComparer.Ordinal)),
            ManagingMunicipality = p.ManagingNisCode is { } m ? s.Find(m)?.Name : null,
            ChangeMotivation = p.ChangeMotivation,
        };
        form.Adopt(a.Information, a.InformationVersion);
        return form;
    }

    /// <summary>The dossier's own fields of stored information (the partnership's stay empty): the basis of a merge.</summary>
    public static InformationForm Own(ApplicationInformation i)
    {
        ArgumentNullException.ThrowIfNull(i);
        var form = new InformationForm();
        form.Adopt(i, 0);
        return form;
    }

    /// <summary>Takes the dossier's own fields (and the form's version) from <paramref name="i"/>; the partnership's fields stay as typed.</summary>
    public void Adopt(ApplicationInformation i, int informationVersion)
    {
        ArgumentNullException.ThrowIfNull(i);
        InformationVersion = informationVersion;
        BbcUser = i.BbcUser?.ToString().ToLowerInvariant();
        BeneficiaryKbo = i.BeneficiaryKbo is { } kbo && KboNumber.TryParse(kbo, out var k) ? k.ToDisplayString() : i.BeneficiaryKbo;
        Iban = i.Iban is { } iban && Core.Common.Iban.TryParse(iban, out var account) ? account.ToDisplayString() : i.Iban;
        WijkWerken = i.WijkWerken?.ToString().ToLowerInvariant();
        RegisseurName = i.Regisseur.Name;
        RegisseurEmail = i.Regisseur.Email;
        RegisseurPhone = i.Regisseur.Phone;
        SignatoryName = i.Signatory.Name;
        SignatoryEmail = i.Signatory.Email;
        SignatoryPhone = i.Signatory.Phone;
    }

    /// <summary>The dossier's own fields by their form names under <paramref name="prefix"/> (Read.Iban, …): the hidden basis of a merge.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Named(string prefix) =>
    [
        new($"{prefix}.BbcUser", BbcUser), new($"{prefix}.BeneficiaryKbo", BeneficiaryKbo), new($"{prefix}.Iban", Iban), new($"{prefix}.WijkWerken", WijkWerken),
        new($"{prefix}.RegisseurName", RegisseurName), new($"{prefix}.RegisseurEmail", RegisseurEmail), new($"{prefix}.RegisseurPhone", RegisseurPhone),
        new($"{prefix}.SignatoryName", SignatoryName), new($"{prefix}.SignatoryEmail", SignatoryEmail), new($"{prefix}.SignatoryPhone", SignatoryPhone),
    ];

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
