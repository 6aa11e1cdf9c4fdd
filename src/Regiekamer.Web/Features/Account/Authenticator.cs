using System.Text;

namespace Regiekamer.Web.Features.Account;

/// <summary>What an authenticator app needs, as text: there is no QR-code library here, and apps accept both.</summary>
public static class Authenticator
{
    public const string Issuer = "Regiekamer";

    /// <summary>"ABCD EFGH …": easier to type over.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString();
    }

    /// <summary>The key URI format of Google Authenticator, understood by every common app.</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{Issuer}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={Issuer}&digits=6";
}
