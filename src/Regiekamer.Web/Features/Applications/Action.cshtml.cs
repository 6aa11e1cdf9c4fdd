using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// One action of the plan, added or edited (R11). The form carries what was read, so a save after someone else's
/// save of the same action is merged field by field; a field both changed is shown side by side to keep one or merge.
/// With JavaScript the form saves itself while the person types (<c>/js/autosave.js</c>, the Autosave handler); without
/// it, the Save button does the same.
/// </summary>
[PartnershipAccess(PartnershipPermission.Apply)]
public sealed class ActionModel(ApplicationService applications, SubmissionService submissions) : DossierPage(applications, submissions)
{
    public int? ActionId => RouteInt("actionId");

    [BindProperty]
    public ActionForm Input { get; set; } = new();

    /// <summary>What the form showed when it was opened (or last saved): the basis of a merge.</summary>
    [BindProperty]
    public ActionForm Read { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ActionConflict? Conflict { get; private set; }

    public bool Merged { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public IReadOnlyList<int> Years => State.Period.Years;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        if (ActionId is { } id)
        {
            if (Dossier.Actions.FirstOrDefault(a => a.Id == id) is not { } action)
            {
                return Fail([DomainError.NotFound($"Actie {id} bestaat niet in dit dossier.", $"Action {id} does not exist in this dossier.")]);
            }

            Input = ActionForm.Of(action.Values);
            Read = Input;
            Version = action.Version;
        }
        else
        {
            Input = new ActionForm { Amounts = Years.ToDictionary(y => y.ToString(CultureInfo.InvariantCulture), _ => (string?)null) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var save = await SaveAsync(ct);
        if (save.IsSuccess)
        {
            return Redirect(DossierUrl($"/Plan#action-{save.Saved!.Id}"));
        }

        await LoadAsync(ct);
        ShowConflict(save);
        return Fail(save.Errors);
    }

    /// <summary>The autosave of the browser: the same save, answered as JSON (the new version and basis, or the conflict).</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(CancellationToken ct)
    {
        var save = await SaveAsync(ct);
        if (save.IsSuccess)
        {
            var saved = save.Saved!;
            return new JsonResult(new
            {
                saved = true,
                id = saved.Id,
                merged = save.Merged,
                savedAt = BrusselsClock.InBrussels(saved.UpdatedAtUtc).ToString("HH:mm:ss", CultureInfo.InvariantCulture),
                values = new Dictionary<string, string?> { ["Version"] = saved.Version.ToString(CultureInfo.InvariantCulture) }
                    .Concat(ActionForm.Of(saved.Values).Named("Read")).ToDictionary(),
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

    private async Task<ActionSave> SaveAsync(CancellationToken ct) => ActionId is { } id
        ? await Applications.UpdateActionAsync(ApplicationId, id, Input.ToInput(), Version, Read.ToInput(), ct)
        : await Applications.AddActionAsync(ApplicationId, Input.ToInput(), ct);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (ActionId is not { } id)
        {
            return await RefusedAsync([DomainError.NotFound("Geen actie gekozen.", "No action chosen.")], ct);
        }

        var removed = await Applications.RemoveActionAsync(ApplicationId, id, Version, ct);
        if (removed.IsSuccess)
        {
            return Redirect(DossierUrl("/Plan"));
        }

        await LoadAsync(ct);
        ShowConflict(removed);
        return Fail(removed.Errors);
    }

    /// <summary>On a conflict the form keeps what this person typed, with the other's values beside it; saving again then keeps theirs where they left them and this person's where they chose.</summary>
    private void ShowConflict(ActionSave save)
    {
        if (save.Conflict is { } conflict)
        {
            Conflict = conflict;
            Version = conflict.CurrentVersion;
            Read = ActionForm.Of(conflict.Theirs);
            Input = ActionForm.Of(conflict.Proposed);
        }
    }

    public static string FieldLabel(string field, Lang l)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(l);
        return field switch
        {
            "policyGoal" => l["Beleidsdoelstelling", "Policy goal"],
            "actionPlan" => l["Actieplan", "Action plan"],
            "shortDescription" => l["Actie omschrijving", "Short description"],
            "longDescription" => l["Actie lange omschrijving", "Long description"],
            "comment" => l["Actie commentaar", "Comment"],
            "code" => l["Code", "Code"],
            _ when field.StartsWith("amounts.", StringComparison.Ordinal) => l["Bedrag ", "Amount "] + field["amounts.".Length..],
            _ => field,
        };
    }

    public static string? ValueOf(ActionForm form, string field)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(field);
        return field switch
        {
            "policyGoal" => form.PolicyGoal,
            "actionPlan" => form.ActionPlan,
            "shortDescription" => form.ShortDescription,
            "longDescription" => form.LongDescription,
            "comment" => form.Comment,
            "code" => form.Code,
            _ when field.StartsWith("amounts.", StringComparison.Ordinal) => form.Amounts.GetValueOrDefault(field["amounts.".Length..]),
            _ => null,
        };
    }
}

/// <summary>An action's fields as the form holds them: amounts as nl-BE text per year.</summary>
public sealed class ActionForm
{
    public string? PolicyGoal { get; set; }

    public string? ActionPlan { get; set; }

    public string? ShortDescription { get; set; }

    public string? LongDescription { get; set; }

    public string? Comment { get; set; }

    public string? Code { get; set; }

    public Dictionary<string, string?> Amounts { get; set; } = [];

    public static ActionForm Of(PlannedActionValues v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new()
        {
            PolicyGoal = v.PolicyGoal,
            ActionPlan = v.ActionPlan,
            ShortDescription = v.ShortDescription,
            LongDescription = v.LongDescription,
            Comment = v.Comment,
            Code = v.Code,
            Amounts = v.Amounts.ToDictionary(a => a.Key.ToString(CultureInfo.InvariantCulture), a => (string?)a.Value.ToDisplayString(Formats.Dutch)),
        };
    }

    /// <summary>The fields by their form names under <paramref name="prefix"/> (Read.Comment, Read.Amounts[2024], …): the hidden basis of a merge.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Named(string prefix) =>
        new KeyValuePair<string, string?>[]
        {
            new($"{prefix}.PolicyGoal", PolicyGoal), new($"{prefix}.ActionPlan", ActionPlan), new($"{prefix}.ShortDescription", ShortDescription),
            new($"{prefix}.LongDescription", LongDescription), new($"{prefix}.Comment", Comment), new($"{prefix}.Code", Code),
        }.Concat(Amounts.Select(a => new KeyValuePair<string, string?>($"{prefix}.Amounts[{a.Key}]", a.Value)));

    public ActionInput ToInput() => new(
        PolicyGoal,
        ActionPlan,
        ShortDescription,
        LongDescription,
        Comment,
        Code,
        Amounts.Where(a => int.TryParse(a.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .ToDictionary(a => int.Parse(a.Key, CultureInfo.InvariantCulture), a => a.Value));
}
