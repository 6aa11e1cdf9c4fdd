using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Regiekamer.Core.Common;

namespace Regiekamer.Web.Infrastructure;

/// <summary>
/// Ties a form's fields to their errors, the same way on every form: the message sits between the label and the field
/// (id <c>err-{field}</c>), and the field gets <c>aria-invalid="true"</c> and the message in <c>aria-describedby</c>,
/// after its hint. A hint is never inside the label, so it is read once. Razor leaves out an attribute whose value is
/// null: a field without an error has no aria-invalid, and no aria-describedby without a hint.
/// </summary>
/// <example>
/// <code>
/// var f = new FieldErrors(Model.Errors);
/// &lt;label for="Input_Name"&gt;Naam&lt;/label&gt;
/// &lt;span class="hint" id="hint-name"&gt;…&lt;/span&gt;
/// @f.Message("name")
/// &lt;input id="Input_Name" … aria-describedby="@f.DescribedBy("name", "hint-name")" aria-invalid="@f.Invalid("name")"&gt;
/// </code>
/// </example>
public sealed class FieldErrors(IReadOnlyList<DomainError> errors)
{
    public static string ErrorId(string field) => "err-" + field;

    /// <summary>Every message about the field, in the page's language, or null when it has none.</summary>
    public string? Text(string field)
    {
        var messages = errors.Where(e => e.Field == field).Select(e => Lang.Of(e.Message)).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    public bool Has(string field) => errors.Any(e => e.Field == field);

    /// <summary>The error message element, or nothing when the field is fine.</summary>
    public IHtmlContent Message(string field)
    {
        if (Text(field) is not { } text)
        {
            return HtmlString.Empty;
        }

        var span = new TagBuilder("span");
        span.AddCssClass("field-error");
        span.Attributes["id"] = ErrorId(field);
        span.InnerHtml.Append(text);
        return span;
    }

    /// <summary>"true" for a field with an error; null (no attribute) otherwise.</summary>
    public string? Invalid(string field) => Has(field) ? "true" : null;

    /// <summary>The hint's id and, when the field has an error, the error's id; null when there is neither.</summary>
    public string? DescribedBy(string field, string? hintId = null)
    {
        var ids = new[] { hintId, Has(field) ? ErrorId(field) : null }.OfType<string>().ToList();
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
