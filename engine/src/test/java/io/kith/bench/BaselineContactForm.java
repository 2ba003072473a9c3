package io.kith.bench;

import io.kith.i18n.KithLocale;
import io.kith.i18n.Messages;
import io.kith.metadata.EntityDef;
import io.kith.metadata.FieldDef;
import io.kith.metadata.LocalizedText;
import io.kith.metadata.MetadataSnapshot;
import io.kith.metadata.OptionDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The new-individual contact form written out by hand with a StringBuilder: the same fields,
 * widgets and markup as the generated form, in English. Field order and widget kinds are spelled
 * out here; only label and help texts and the option lists are copied from the metadata, once.
 */
final class BaselineContactForm {

  private enum Kind { TEXT, EMAIL, TEL, DATE, SELECT, MULTISELECT, CHECKBOX, COLLECTION }

  private record Widget(Kind kind, String name, String label, String help, Integer maxLength, boolean required,
      List<OptionDef> options, List<Widget> columns) {}

  private record Section(String label, List<Widget> widgets) {}

  private final Messages messages;
  private final List<String[]> nav = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private final String title;
  private final String subtypeLabel;

  BaselineContactForm(MetadataSnapshot snapshot, Messages messages) {
    this.messages = messages;
    snapshot.entities().values().forEach(e -> nav.add(new String[] {e.pluralLabel(KithLocale.EN), "/app/" + e.name(),
        String.valueOf(e.name().equals("contact"))}));
    EntityDef contact = snapshot.entity("contact").orElseThrow();
    this.title = messages.get(KithLocale.EN, "action.new", contact.label(KithLocale.EN));
    this.subtypeLabel = contact.subtype("individual").orElseThrow().label().resolve(KithLocale.EN, "individual");
    Texts t = new Texts(snapshot, contact);
    sections.add(new Section("Identity", List.of(
        t.select("prefix", "individual_prefix"), t.text("first_name", 64), t.text("last_name", 64),
        t.select("gender", "gender"), t.simple(Kind.DATE, "birth_date"))));
    sections.add(new Section("Contact details", List.of(
        t.collection("emails", List.of(t.child("emails", Kind.EMAIL, "email", null, true),
            t.child("emails", Kind.SELECT, "location_type", "location_type", false),
            t.child("emails", Kind.CHECKBOX, "is_primary", null, false),
            t.child("emails", Kind.CHECKBOX, "on_hold", null, false))),
        t.collection("phones", List.of(t.child("phones", Kind.TEL, "phone", null, true),
            t.child("phones", Kind.SELECT, "phone_type", "phone_type", false),
            t.child("phones", Kind.SELECT, "location_type", "location_type", false),
            t.child("phones", Kind.CHECKBOX, "is_primary", null, false))),
        t.collection("addresses", List.of(t.childText("addresses", "street_address", 255),
            t.childText("addresses", "city", 64), t.childText("addresses", "postal_code", 32),
            t.childText("addresses", "state_province", 64), t.childText("addresses", "country", 64),
            t.child("addresses", Kind.SELECT, "location_type", "location_type", false),
            t.child("addresses", Kind.CHECKBOX, "is_primary", null, false))),
        t.multiselect("preferred_communication_methods", "communication_method"),
        t.select("email_format", "email_format"))));
    sections.add(new Section("Privacy", List.of(t.simple(Kind.CHECKBOX, "do_not_phone"),
        t.simple(Kind.CHECKBOX, "do_not_email"), t.simple(Kind.CHECKBOX, "do_not_mail"),
        t.simple(Kind.CHECKBOX, "do_not_sms"), t.simple(Kind.CHECKBOX, "do_not_trade"))));
    sections.add(new Section("Other", List.of(t.text("source", 255), t.text("external_identifier", 64))));
  }

  String render(String csrfName, String csrfToken, String path) {
    Html h = new Html(48_000);
    BaselineFrame.open(h, nav, title + " · Kith", path, "?subtype=individual");
    h.raw("<h1>").text(title).raw(" <small class=\"subtype\">").text(subtypeLabel).raw("</small></h1>\n");
    h.raw("<form method=\"post\" action=\"/app/contact\" class=\"record-form\" novalidate>\n");
    h.raw("<input type=\"hidden\" name=\"").text(csrfName).raw("\" value=\"").text(csrfToken).raw("\">\n");
    h.raw("<input type=\"hidden\" name=\"subtype\" value=\"individual\">\n");
    for (Section section : sections) {
      h.raw("<fieldset>\n<legend>").text(section.label()).raw("</legend>\n");
      for (Widget w : section.widgets()) {
        field(h, w, w.name());
      }
      h.raw("</fieldset>\n");
    }
    h.raw("<div class=\"form-actions\">\n<button type=\"submit\" class=\"primary\">Save</button>\n")
        .raw("<a href=\"/app/contact\">Cancel</a>\n</div>\n</form>\n");
    BaselineFrame.close(h);
    return h.toString();
  }

  private static void field(Html h, Widget w, String inputName) {
    String id = "f-" + inputName.replace('[', '-').replace(']', '-').replace('.', '-');
    h.raw("<div class=\"field widget-").raw(widgetName(w.kind())).raw("\">\n");
    if (w.kind() == Kind.CHECKBOX) {
      h.raw("<input type=\"hidden\" name=\"").text(inputName).raw("\" value=\"false\">\n");
      h.raw("<input id=\"").text(id).raw("\" type=\"checkbox\" name=\"").text(inputName).raw("\" value=\"true\"");
      describedBy(h, w, id);
      h.raw(">\n<label for=\"").text(id).raw("\" class=\"checkbox-label\">").text(w.label()).raw("</label>\n");
    } else if (w.kind() == Kind.COLLECTION) {
      h.raw("<fieldset class=\"collection\" data-name=\"").text(inputName).raw("\">\n<legend>").text(w.label())
          .raw("</legend>\n<input type=\"hidden\" name=\"").text(inputName).raw("__present\" value=\"1\">\n")
          .raw("<div class=\"rows\">\n");
      row(h, w, "0");
      h.raw("</div>\n<template class=\"row-template\">");
      row(h, w, "__INDEX__");
      h.raw("</template>\n<button type=\"button\" class=\"add-row\">Add</button>\n</fieldset>\n");
    } else {
      h.raw("<label for=\"").text(id).raw("\">").text(w.label());
      if (w.required()) {
        h.raw(" <abbr class=\"required\" title=\"required\">*</abbr>");
      }
      h.raw("</label>\n");
      if (w.kind() == Kind.SELECT || w.kind() == Kind.MULTISELECT) {
        select(h, w, inputName, id);
      } else {
        h.raw("<input id=\"").text(id).raw("\" type=\"").raw(inputType(w.kind())).raw("\" name=\"").text(inputName)
            .raw("\" value=\"\"");
        if (w.maxLength() != null) {
          h.raw(" maxlength=\"").number(w.maxLength()).raw("\"");
        }
        if (w.required()) {
          h.raw(" required");
        }
        describedBy(h, w, id);
        h.raw(">\n");
      }
    }
    if (w.help() != null) {
      h.raw("<p class=\"help\" id=\"").text(id).raw("-help\">").text(w.help()).raw("</p>\n");
    }
    h.raw("</div>\n");
  }

  private static void select(Html h, Widget w, String inputName, String id) {
    boolean multiple = w.kind() == Kind.MULTISELECT;
    if (multiple) {
      h.raw("<input type=\"hidden\" name=\"").text(inputName).raw("__present\" value=\"1\">\n");
    }
    h.raw("<select id=\"").text(id).raw("\" name=\"").text(inputName).raw("\"");
    if (multiple) {
      h.raw(" multiple size=\"").number(Math.min(w.options().size(), 6)).raw("\"");
    }
    describedBy(h, w, id);
    h.raw(">\n");
    if (!multiple) {
      h.raw("<option value=\"\">Choose…</option>\n");
    }
    for (OptionDef option : w.options()) {
      h.raw("<option value=\"").text(option.code()).raw("\">").text(option.label(KithLocale.EN)).raw("</option>\n");
    }
    h.raw("</select>\n");
  }

  private static void row(Html h, Widget collection, String index) {
    h.raw("<div class=\"row\" data-index=\"").text(index).raw("\">\n");
    for (Widget cell : collection.columns()) {
      field(h, cell, collection.name() + "[" + index + "]." + cell.name());
    }
    h.raw("<button type=\"button\" class=\"remove-row\">Remove</button>\n</div>\n");
  }

  private static void describedBy(Html h, Widget w, String id) {
    if (w.help() != null) {
      h.raw(" aria-describedby=\"").text(id).raw("-help \"");
    }
  }

  private static String widgetName(Kind kind) {
    return switch (kind) {
      case TEXT -> "text";
      case EMAIL -> "email";
      case TEL -> "tel";
      case DATE -> "date";
      case SELECT -> "select";
      case MULTISELECT -> "multiselect";
      case CHECKBOX -> "checkbox";
      case COLLECTION -> "collection";
    };
  }

  private static String inputType(Kind kind) {
    return switch (kind) {
      case EMAIL -> "email";
      case TEL -> "tel";
      case DATE -> "date";
      default -> "text";
    };
  }

  /** Copies texts and option lists out of the metadata at start-up. */
  private record Texts(MetadataSnapshot snapshot, EntityDef contact) {

    Widget text(String name, int maxLength) {
      FieldDef f = contact.field(name).orElseThrow();
      return new Widget(Kind.TEXT, name, f.label(KithLocale.EN), help(f.help()), maxLength, false, List.of(), List.of());
    }

    Widget simple(Kind kind, String name) {
      FieldDef f = contact.field(name).orElseThrow();
      return new Widget(kind, name, f.label(KithLocale.EN), help(f.help()), null, false, List.of(), List.of());
    }

    Widget select(String name, String list) {
      FieldDef f = contact.field(name).orElseThrow();
      return new Widget(Kind.SELECT, name, f.label(KithLocale.EN), help(f.help()), null, false, options(list), List.of());
    }

    Widget multiselect(String name, String list) {
      FieldDef f = contact.field(name).orElseThrow();
      return new Widget(Kind.MULTISELECT, name, f.label(KithLocale.EN), help(f.help()), null, false, options(list), List.of());
    }

    Widget collection(String name, List<Widget> columns) {
      FieldDef f = contact.field(name).orElseThrow();
      return new Widget(Kind.COLLECTION, name, f.label(KithLocale.EN), null, null, false, List.of(), columns);
    }

    Widget child(String collection, Kind kind, String name, String list, boolean required) {
      FieldDef f = childDef(collection, name);
      return new Widget(kind, name, f.label(KithLocale.EN), help(f.help()), null, required,
          list == null ? List.of() : options(list), List.of());
    }

    Widget childText(String collection, String name, int maxLength) {
      FieldDef f = childDef(collection, name);
      return new Widget(Kind.TEXT, name, f.label(KithLocale.EN), help(f.help()), maxLength, false, List.of(), List.of());
    }

    private FieldDef childDef(String collection, String name) {
      var type = (io.kith.metadata.FieldType.Collection) contact.field(collection).orElseThrow().type();
      return type.fields().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private List<OptionDef> options(String list) {
      return snapshot.optionList(list).options().stream().filter(OptionDef::active).toList();
    }

    private static String help(LocalizedText help) {
      return help.isEmpty() ? null : help.resolve(KithLocale.EN, null);
    }
  }
}
