using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Regiekamer.Web.Tests.Infrastructure;

/// <summary>Fetches pages and parses them with AngleSharp, so tests look at the document a browser would build.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await response.ReadPageAsync(expectedStatus, $"GET {url}");
    }

    public static async Task<IHtmlDocument> ReadPageAsync(this HttpResponseMessage response, int expectedStatus, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{what}: expected {expectedStatus}, got {(int)response.StatusCode}.\n{Shorten(text)}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await Parser.ParseDocumentAsync(text);
    }

    /// <summary>
    /// The fields a browser submits: inputs, selects and text areas with a name, hidden ones included, checkboxes and
    /// radio buttons only when checked; some values replaced. A value for a field the form lacks fails the test.
    /// </summary>
    public static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element is IHtmlButtonElement)
            {
                continue;
            }

            if (element is IHtmlInputElement { Type: "checkbox" or "radio" } box && !box.IsChecked && !values.ContainsKey(name))
            {
                continue;
            }

            var value = element switch
            {
                IHtmlSelectElement select => select.Value ?? "",
                IHtmlTextAreaElement area => area.Value,
                IHtmlInputElement input => input.Value,
                _ => element.GetAttribute("value") ?? "",
            };
            fields.Add(new(name, values.TryGetValue(name, out var replaced) ? replaced : value));
        }

        var missing = values.Keys.Where(k => fields.All(f => f.Key != k)).ToList();
        Assert.True(missing.Count == 0, $"The form has no field {string.Join(", ", missing)} (fields: {string.Join(", ", fields.Select(f => f.Key))}).");
        return fields;
    }

    public static IElement One(this IParentNode node, string selector)
    {
        ArgumentNullException.ThrowIfNull(node);
        var found = node.QuerySelectorAll(selector);
        Assert.True(found.Length == 1, $"Expected one element for '{selector}', found {found.Length}.");
        return found[0];
    }

    /// <summary>The table's body rows, keyed by the text of the given column.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(this IParentNode node, string tableSelector) =>
        node.One(tableSelector).QuerySelectorAll("tbody tr").Select(r => (IReadOnlyList<string>)r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();

    public static string Text(this IElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Shorten(string text) => text.Length <= 3000 ? text : text[..3000] + "…";

    /// <summary>Opens the page, fills its first post form (or the one of <paramref name="handler"/>) and posts it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> values, string? handler = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetPageAsync(url);
        var forms = page.QuerySelectorAll("main form[method=post]").OfType<IHtmlFormElement>().ToList();
        var form = handler is null
            ? forms.First(f => (f.GetAttribute("action") ?? "").Contains("handler=", StringComparison.Ordinal) is false)
            : forms.First(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal));
        return await PostAsync(client, form.GetAttribute("action") is { Length: > 0 } action ? action : url, form, values);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IHtmlFormElement form, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(Fields(form, values));
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
