// The back office's own script, after Decap CMS: the note for browsers without JavaScript goes, and the commune
// field (custom widget "commune") suggests communes of the official geography (communes.json, written by the build
// beside the page) as staff type a name or a postcode, with or without accents or hyphens ("st junien", "87200");
// its value is what the build reads ("87200 Saint-Junien"), and the form refuses to save a commune not in the list.
(function () {
  'use strict';
  document.querySelector('.admin-nojs').remove();
  var MAX = 12;
  var communes = [];  // [INSEE code, name, "postcode postcode…", folded name]
  var ready = fetch('communes.json').then(function (answer) { return answer.json(); }).then(function (rows) {
    communes = rows.map(function (row) { return row.concat(fold(row[1])); });
  });

  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[-'’]/g, ' ')
      .replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint').replace(/\s+/g, ' ').trim();
  }

  // "87200 Saint-Junien" for each postcode the text may mean, best first (a postcode, else the name's start)
  function suggestions(text) {
    var words = fold(text), found = [];
    var postcode = (words.match(/^\d{2,5}/) || [''])[0], name = words.replace(/^\d{2,5}\s*/, '');
    if (!postcode && name.length < 2) return found;
    communes.forEach(function (commune) {
      if (found.length >= MAX || (name && commune[3].indexOf(name) !== 0)) return;
      commune[2].split(' ').forEach(function (code) {
        if (found.length < MAX && code.indexOf(postcode) === 0) found.push(code + ' ' + commune[1]);
      });
    });
    return found;
  }

  function known(value) {
    var match = value.trim().match(/^(\d{5})\s+(.+)$/);
    return !!match && communes.some(function (commune) {
      return commune[2].split(' ').indexOf(match[1]) >= 0 && commune[3] === fold(match[2]);
    });
  }

  var Control = createClass({
    componentDidMount: function () { ready.then(this.forceUpdate.bind(this, undefined)); },
    isValid: function () {
      var value = (this.props.value || '').trim();
      if (!value || known(value)) return true;
      return { error: { message: 'Commune inconnue : tapez son nom ou son code postal, puis choisissez-la dans la liste (par exemple 31000 Toulouse).' } };
    },
    render: function () {
      var props = this.props, list = props.forID + '-communes';
      return h('div', null,
        h('input', {
          id: props.forID, className: props.classNameWrapper, type: 'text', list: list, autoComplete: 'off',
          value: props.value || '', placeholder: 'Nom ou code postal',
          onChange: function (event) { props.onChange(event.target.value); },
          onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle
        }),
        h('datalist', { id: list }, suggestions(props.value || '').map(function (option) {
          return h('option', { key: option, value: option });
        })));
    }
  });
  var Preview = createClass({ render: function () { return h('p', null, this.props.value || ''); } });
  CMS.registerWidget('commune', Control, Preview);

  // The preview beside the form shows each field with its French name and the chosen values' French labels
  // ("Atelier", "Sur place"), as a job seeker would read them, not the keys the file stores.
  function shown(field, value) {
    var options = field.get('options');
    var label = function (key) {
      var found = options && options.find(function (option) { return option.get('value') === key; });
      return found ? found.get('label') : String(key);
    };
    var plain = value && value.toJS ? value.toJS() : value;
    if (Array.isArray(plain)) return plain.map(label).join(', ');
    if (plain && typeof plain === 'object') {
      return Object.keys(plain).filter(function (key) { return [].concat(plain[key]).length; }).map(function (key) {
        var group = field.get('fields').find(function (sub) { return sub.get('name') === key; });
        return (group ? group.get('label') : key) + ' : ' + [].concat(plain[key]).join(', ');
      }).join(' ; ');
    }
    return label(plain);
  }
  var EventPreview = createClass({
    render: function () {
      var entry = this.props.entry;
      var rows = [];
      this.props.fields.forEach(function (field) {
        var name = field.get('name');
        var value = entry.getIn(['data', name]);
        if (name === 'title' || name === 'body' || value === undefined || value === null || value === '') return;
        rows.push(h('dt', { key: name + '-name' }, field.get('label')), h('dd', { key: name + '-value' }, shown(field, value)));
      });
      return h('article', { lang: 'fr' }, h('h1', null, entry.getIn(['data', 'title']) || ''), h('dl', null, rows),
        this.props.widgetFor('body'));
    }
  });
  document.body.dataset.collections.split(' ').filter(Boolean).forEach(function (name) {
    CMS.registerPreviewTemplate(name, EventPreview);
  });
})();
